#!/usr/bin/env bash
# images.sh — build the services' container images here, from Debian packages only, and prove
# each one starts. Called by `./stack images [--no-build] [--no-run] [SERVICE...]` (./stack
# packages the services first unless --no-build); usable on its own (it then packages nothing).
#
# No registry is reachable from the build machines and there is no Docker engine, so the image
# that Jib builds in CI (application.properties, "Container image") is assembled here the same way
# from parts made on this machine:
#   1. a minimal Debian bookworm root (mmdebstrap --variant=minbase, from Debian's mirror), with
#      the image's numeric user 185 added to /etc/passwd;
#   2. a Java runtime jlink'ed from the build JDK (the modules in JLINK_MODULES), at
#      /opt/java/openjdk as in the eclipse-temurin base Jib uses;
#   3. the service's target/quarkus-app as Jib lays out a fast-jar: the dependencies
#      (lib/boot, lib/main) in one layer, the application (quarkus-run.jar, app/, quarkus/) in
#      the next, under /home/jboss;
#   4. the image config from the service's quarkus.jib.* lines: USER, working directory and the
#      entrypoint java <jvm arguments> -jar quarkus-run.jar.
# umoci writes the OCI layout; each service's image is then exported as an OCI archive
# .stack/images/ruralcredit-<service>-<tag>.oci.tar named docker.io/ruralcredit/<service>:<tag>.
#
# Then each image is started (podman with the archive, on runc, when podman can run containers
# here, else unpacked with umoci and run under unshare + chroot as the image's user), with the production
# profile and the environment the Kubernetes manifest gives it, filled with the local stack's
# addresses: PostgreSQL (a scratch database imagecheck_<db> made for the run and dropped after),
# Kafka (PLAINTEXT here, where the prod profile has Strimzi's SASL_SSL listener) and Keycloak on
# 127.0.0.1, HTTP port 1818x and management port (/q/*) 1918x, where Kubernetes has 9000 for every
# pod (the prod profile's management port, which the manifests' probes must name). Its consumers
# read topics of their own (imagecheck.<channel>, absent and not created) with a group of their
# own, and its outbox would publish to imagecheck.<topic>, so the check takes no event from the
# platform's consumers and writes into none of its topics or databases. The run lasts until
# /q/health/live and the path of the manifest's startup probe (/q/health/ready) answer UP (or
# IMAGES_LIVE_TIMEOUT seconds), then the container is stopped. Whatever happens (a failure, ^C),
# the container or process being checked is stopped and its scratch database dropped on exit.
#
# Output: .stack/images/ (git-ignored): the archives, report.json (read by deploy-check's
# ImageReportTest: every service, started and live) and report.md, with each image's size,
# layers, seconds to build, seconds from start to live UP and the runtime it ran under.
set -Eeuo pipefail
trap 'printf "images.sh: unexpected failure (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/.stack/images"
WORK="$OUT/work"
SUITE=bookworm
MIRROR="${IMAGES_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
JDK="${IMAGES_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
LIVE_TIMEOUT="${IMAGES_LIVE_TIMEOUT:-180}"
# The runtime's modules: what Quarkus, Hibernate, the PostgreSQL driver, Kafka's client, the OIDC
# client and the import readers use (jdeps cannot resolve the platform's jars as modules, so the
# list is fixed and the start of every image proves it): JDBC, XA and RMI's RemoteException (the
# transaction manager), JNDI (Agroal), JMX and JFR
# (Micrometer, Kafka), java.beans (Jackson, Hibernate), XML (the XLSX reader), SASL and GSS (the
# PostgreSQL and Kafka authentications), Unsafe (Netty), the zip file system (Quarkus' class
# loader), DNS, the extended charsets (GBK/GB18030 import files) and the zh locale's data.
JLINK_MODULES=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
ALL_SERVICES=(farmer-registry credit-rating morality-score sme-archive gateway web-console)

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'; }  # seconds since $1 (date +%s.%N)
say()  { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die()  { printf 'images.sh: %s\n' "$*" >&2; exit 1; }

service_port() { case "$1" in gateway) echo 18180 ;; farmer-registry) echo 18181 ;; credit-rating) echo 18182 ;;
  morality-score) echo 18183 ;; sme-archive) echo 18184 ;; web-console) echo 18185 ;; *) die "unknown service $1" ;; esac; }
# The management interface (/q/*): the prod profile's quarkus.management.port (Quarkus' default
# 9000, what the manifests' probes ask); beside the local stack, with every image on the host's
# network, each gets the HTTP port + 1000 instead (below the ephemeral ports) (QUARKUS_MANAGEMENT_PORT).
service_mport() { echo $(( $(service_port "$1") + 1000 )); }
prod_mport() { local p; p="$(prop "$1" quarkus.management.port)"; p="${p:-$(prop "$1" %prod.quarkus.management.port)}"; echo "${p:-9000}"; }
# manifest_probe SERVICE PROBE FIELD: port or path of a probe of the generated Deployment
manifest_probe() { sed -n "/^ *$2:\$/,/^ *timeoutSeconds:/p" "$ROOT/k8s/base/services/$1.yml" | sed -n "s/^ *$3: //p" | head -n 1; }
# manifest_value SERVICE NAME: the literal value the Deployment gives environment variable NAME
manifest_value() { sed -n "/^ *- name: $2\$/{n;s/^ *value: //p}" "$ROOT/k8s/base/services/$1.yml" | head -n 1 | sed 's/^"\(.*\)"$/\1/'; }
service_db() { sed -n 's/^quarkus\.datasource\.username=//p' "$ROOT/$1/src/main/resources/application.properties" | head -n 1; }
# uses_kafka SERVICE: whether the service talks to Kafka at all (the console has neither Kafka nor a database)
uses_kafka() { grep -q '^mp\.messaging\.\|^kafka\.' "$ROOT/$1/src/main/resources/application.properties"; }
# prop SERVICE KEY: a property of the service's application.properties (no profile), as written.
prop() { sed -n "s/^$(sed 's/[.[\*^$/]/\\&/g' <<<"$2")=//p" "$ROOT/$1/src/main/resources/application.properties" | tail -n 1; }
pom_prop() { sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$ROOT/$1/pom.xml" | head -n 1; }

ensure_tools() {
  local missing=()
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v umoci >/dev/null || missing+=(umoci)
  command -v jq >/dev/null || missing+=(jq)
  command -v podman >/dev/null || missing+=(podman)
  command -v runc >/dev/null || missing+=(runc)
  if (( ${#missing[@]} )); then
    say "installing from Debian: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } \
      || die "apt-get install ${missing[*]} failed"
  fi
  [[ -x "$JDK/bin/jlink" ]] || die "no jlink in $JDK (IMAGES_JDK names the build JDK)"
  [[ "$(id -u)" == 0 ]] || die "needs root (mmdebstrap, umoci unpack/repack keep file owners)"
}

# The Debian root, made once (kept in .stack/images/base/; delete it to make it again).
make_rootfs() {
  local tar="$OUT/base/debian-$SUITE-minbase.tar"
  if [[ ! -s "$tar" ]]; then
    say "Debian $SUITE minbase root (mmdebstrap from $MIRROR; a few minutes)"
    mkdir -p "$OUT/base"
    # --format=tar: mmdebstrap takes the format from the file name, and *.tar.partial would be a directory
    mmdebstrap --variant=minbase --format=tar --include=ca-certificates,tzdata \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' \
      "$SUITE" "$tar.partial" "$MIRROR" >"$OUT/base/mmdebstrap.log" 2>&1 \
      || { tail -n 20 "$OUT/base/mmdebstrap.log" >&2; die "mmdebstrap failed; log: $OUT/base/mmdebstrap.log"; }
    mv "$tar.partial" "$tar"
  fi
  ROOTFS_TAR="$tar"
}

# The Java runtime, jlink'ed once per JDK version and module list.
make_runtime() {
  local version key dir
  version="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
  key="$(printf '%s %s' "$version" "$JLINK_MODULES" | sha256sum | cut -c1-12)"
  dir="$OUT/base/jre-$key"
  if [[ ! -x "$dir/bin/java" ]]; then
    say "Java runtime: jlink of $JDK ($version)"
    rm -rf "$dir"
    "$JDK/bin/jlink" --add-modules "$JLINK_MODULES" --include-locales=en,zh --strip-debug --no-man-pages \
      --no-header-files --compress=zip-6 --output "$dir" || die "jlink failed"
  fi
  RUNTIME="$dir"
  RUNTIME_VERSION="$version"
}

# The base image (Debian root + runtime) in the shared OCI layout, tag "base-<key>".
make_base_image() {
  local key tag bundle
  key="$( (sha256sum "$ROOTFS_TAR" | cut -c1-16; basename "$RUNTIME") | sha256sum | cut -c1-12)"
  tag="base-$key"
  LAYOUT="$WORK/oci"
  if [[ ! -d "$LAYOUT" ]]; then umoci init --layout "$LAYOUT"; fi
  if ! umoci list --layout "$LAYOUT" | grep -x "$tag" >/dev/null; then
    say "base image: Debian root and Java runtime as two layers"
    bundle="$WORK/bundle-base"
    rm -rf "$bundle"
    # made under a tag of its own and named $tag only when whole, so a failed run leaves no half base
    umoci rm --image "$LAYOUT:$tag-partial" >/dev/null 2>&1 || true
    umoci new --image "$LAYOUT:$tag-partial"
    umoci unpack --image "$LAYOUT:$tag-partial" "$bundle" >/dev/null
    tar -C "$bundle/rootfs" -xf "$ROOTFS_TAR"
    # the image's user (Jib's default uid for Java images, 185), apt's caches dropped
    echo "jboss:x:185:0:service:/home/jboss:/usr/sbin/nologin" >>"$bundle/rootfs/etc/passwd"
    mkdir -p "$bundle/rootfs/home/jboss" && chown 185:0 "$bundle/rootfs/home/jboss"
    rm -rf "$bundle/rootfs/var/cache/apt/"* "$bundle/rootfs/var/lib/apt/lists/"*
    umoci repack --refresh-bundle --image "$LAYOUT:$tag-partial" --history.created_by "mmdebstrap --variant=minbase $SUITE (+ ca-certificates, tzdata), user 185" "$bundle"
    mkdir -p "$bundle/rootfs/opt/java"
    cp -a "$RUNTIME" "$bundle/rootfs/opt/java/openjdk"
    umoci repack --refresh-bundle --image "$LAYOUT:$tag-partial" --history.created_by "jlink $RUNTIME_VERSION --add-modules $JLINK_MODULES" "$bundle"
    umoci tag --image "$LAYOUT:$tag-partial" "$tag"
    umoci rm --image "$LAYOUT:$tag-partial"
    rm -rf "$bundle"
  fi
  BASE_TAG="$tag"
}

# build_service SERVICE: its image in the layout, exported as an OCI archive; sets IMAGE_*.
build_service() {
  local svc="$1" app="$ROOT/$1/target/quarkus-app" group name tag ref bundle args=() arg jvm_args additional
  local port manifest_digest
  [[ -f "$app/quarkus-run.jar" ]] || die "$svc is not packaged ($app missing): mvn -B -pl $svc -am package -DskipTests"
  group="$(pom_prop "$svc" quarkus.container-image.group)"
  name="$(prop "$svc" quarkus.container-image.name)"
  tag="$(prop "$svc" quarkus.container-image.additional-tags)"
  [[ -n "$group" && -n "$name" && -n "$tag" && "$tag" != *,* ]] \
    || die "$svc: quarkus.container-image.group (pom.xml), .name and one .additional-tags (application.properties) are needed"
  ref="docker.io/$group/$name:$tag"
  IMAGE_REF="$ref"
  IMAGE_USER="$(prop "$svc" quarkus.jib.user)"
  [[ "$IMAGE_USER" =~ ^[1-9][0-9]*$ ]] || die "$svc: quarkus.jib.user must be a numeric non-root uid (is '$IMAGE_USER')"
  # Jib's entrypoint for a base without run-java.sh: java, jvm-arguments (default: the JBoss log
  # manager), jvm-additional-arguments, -jar quarkus-run.jar, in the working directory /home/jboss.
  jvm_args="$(prop "$svc" quarkus.jib.jvm-arguments)"
  jvm_args="${jvm_args:--Djava.util.logging.manager=org.jboss.logmanager.LogManager}"
  additional="$(prop "$svc" quarkus.jib.jvm-additional-arguments)"
  IFS=, read -r -a args <<<"$jvm_args${additional:+,$additional}"
  IMAGE_ENTRYPOINT=(java "${args[@]}" -jar quarkus-run.jar)
  port="$(prop "$svc" quarkus.http.port)"
  local itag="$svc-$tag"
  say "$svc: image $ref"
  bundle="$WORK/bundle-$svc"
  rm -rf "$bundle"
  umoci unpack --image "$LAYOUT:$BASE_TAG" "$bundle" >/dev/null
  mkdir -p "$bundle/rootfs/home/jboss/lib"
  cp -a "$app/lib/boot" "$app/lib/main" "$bundle/rootfs/home/jboss/lib/"
  umoci repack --refresh-bundle --image "$LAYOUT:$itag" --history.created_by "fast-jar dependencies: lib/boot, lib/main" "$bundle"
  cp -a "$app/quarkus-run.jar" "$app/app" "$app/quarkus" "$bundle/rootfs/home/jboss/"
  [[ -f "$app/quarkus-app-dependencies.txt" ]] && cp -a "$app/quarkus-app-dependencies.txt" "$bundle/rootfs/home/jboss/"
  umoci repack --refresh-bundle --image "$LAYOUT:$itag" --history.created_by "fast-jar application: quarkus-run.jar, app/, quarkus/" "$bundle"
  rm -rf "$bundle"
  local entry=() e
  for e in "${IMAGE_ENTRYPOINT[@]}"; do entry+=(--config.entrypoint "$e"); done
  umoci config --image "$LAYOUT:$itag" --history.created_by "quarkus.jib.* of $svc: user, entrypoint, working directory" \
    --config.user "$IMAGE_USER" --config.workingdir /home/jboss "${entry[@]}" \
    --config.env "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "JAVA_HOME=/opt/java/openjdk" --config.env "LANG=C.UTF-8" \
    --config.exposedports "$port/tcp" \
    --config.label "org.opencontainers.image.title=$svc" \
    --config.label "org.opencontainers.image.version=$tag" \
    --config.label "org.opencontainers.image.revision=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
    --config.label "org.opencontainers.image.base.name=debian:$SUITE-minbase+jlink-$RUNTIME_VERSION" \
    --clear config.cmd
  umoci gc --layout "$LAYOUT"
  export_archive "$svc" "$itag" "$ref"
}

# export_archive SERVICE LAYOUT_TAG REF: an OCI archive holding this image only, named REF.
export_archive() {
  local svc="$1" itag="$2" ref="$3" dir="$WORK/export-$1" manifest blob
  rm -rf "$dir"
  mkdir -p "$dir/blobs/sha256"
  manifest="$(jq -c --arg t "$itag" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $t)' "$LAYOUT/index.json")"
  [[ -n "$manifest" ]] || die "$svc: tag $itag not in the layout"
  MANIFEST_DIGEST="$(jq -r .digest <<<"$manifest")"
  for blob in "$MANIFEST_DIGEST" $(jq -r '.config.digest, .layers[].digest' "$LAYOUT/blobs/sha256/${MANIFEST_DIGEST#sha256:}"); do
    ln "$LAYOUT/blobs/sha256/${blob#sha256:}" "$dir/blobs/sha256/" 2>/dev/null || cp "$LAYOUT/blobs/sha256/${blob#sha256:}" "$dir/blobs/sha256/"
  done
  cp "$LAYOUT/oci-layout" "$dir/"
  jq -c --arg r "$ref" '{schemaVersion: 2, manifests: [. + {annotations: {"org.opencontainers.image.ref.name": $r}}]}' \
    <<<"$manifest" >"$dir/index.json"
  ARCHIVE="$OUT/ruralcredit-$svc-${ref##*:}.oci.tar"
  tar -C "$dir" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$ARCHIVE" oci-layout index.json blobs
  rm -rf "$dir"
  note "$(basename "$ARCHIVE"): $(du -h "$ARCHIVE" | cut -f1), manifest $MANIFEST_DIGEST"
}

# --------------------------------------------------------------------------------------------
# Running an image
# --------------------------------------------------------------------------------------------
PODMAN_REFUSAL=""
# runc, not podman's default crun: crun refuses hosts with hybrid (v1 + v2) cgroups, as these build
# machines have
PODMAN=(podman --root "$WORK/podman/root" --runroot "$WORK/podman/run" --cgroup-manager=cgroupfs --events-backend=file --runtime runc)

podman_usable() {
  [[ -n "${PODMAN_OK:-}" ]] && { [[ "$PODMAN_OK" == 1 ]]; return; }
  PODMAN_OK=0
  if [[ "${IMAGES_RUNNER:-}" != chroot ]] && command -v podman >/dev/null \
    && "${PODMAN[@]}" info >"$WORK/podman-info.log" 2>&1; then
    PODMAN_OK=1
  fi
  [[ "$PODMAN_OK" == 1 ]]
}

# env_for SERVICE FILE: the Deployment's environment (k8s/base/services/<svc>.yml and the
# ruralcredit-platform ConfigMap) with local values, one NAME=value a line.
env_for() {
  local svc="$1" file="$2" db name channel topics=() opts=""
  db="$(service_db "$svc")"
  : >"$file"
  while read -r name; do
    case "$name" in
      JAVA_TOOL_OPTIONS) ;;  # written below, with the check's own consumer settings
      QUARKUS_DATASOURCE_JDBC_URL) echo "$name=jdbc:postgresql://127.0.0.1:5432/imagecheck_$db" ;;
      QUARKUS_DATASOURCE_PASSWORD) echo "$name=$db-demo-password" ;;
      QUARKUS_DATASOURCE_JDBC_MAX_SIZE) echo "$name=$(manifest_value "$svc" "$name")" ;;
      # the cluster's TLS + SCRAM listener has no local twin: the broker here is PLAINTEXT (set below)
      KAFKA_SASL_JAAS_CONFIG) echo "$name=unused-on-the-local-plaintext-listener" ;;
      QUARKUS_OIDC_CREDENTIALS_SECRET) echo "$name=$(sed -n 's/^%local\.quarkus\.oidc\.credentials\.secret=//p' "$ROOT/$svc/src/main/resources/application.properties")" ;;
      RURALCREDIT_SERVICES_*_URL|RURALCREDIT_CONSOLE_*_URL) echo "$name=http://127.0.0.1:1" ;;  # nothing there: the check needs no other service
      QUARKUS_HTTP_PROXY_*) echo "$name=$(manifest_value "$svc" "$name")" ;;
      *KEY|*SECRET) echo "$name=$(head -c 32 /dev/urandom | base64)" ;;
      *) die "$svc: the manifest sets $name, which images.sh does not know how to fill locally" ;;
    esac
  done < <(sed -n 's/^ *- name: \([A-Z_][A-Z0-9_]*\)$/\1/p' "$ROOT/k8s/base/services/$svc.yml" | sort -u) >>"$file"
  uses_kafka "$svc" && echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092" >>"$file"
  echo "QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:8180/realms/rural-credit" >>"$file"
  echo "QUARKUS_HTTP_PORT=$(service_port "$svc")" >>"$file"
  # /q/* is on the management interface: 9000 in the image (prod_mport), the HTTP port + 1000 beside the local stack
  echo "QUARKUS_MANAGEMENT_PORT=$(service_mport "$svc")" >>"$file"
  # the prod profile's Kafka is SASL_SSL (Strimzi's TLS listener); the local broker speaks PLAINTEXT.
  # Whatever the outbox relay would publish goes to imagecheck.* topics (none: the database is new),
  # and the consumers neither create their topics nor join a platform consumer's group.
  uses_kafka "$svc" && opts+=" -D%prod.kafka.security.protocol=PLAINTEXT -Druralcredit.outbox.topic-prefix=imagecheck."
  for channel in $(sed -n 's/^mp\.messaging\.incoming\.\([^.]*\)\.connector=.*/\1/p' "$ROOT/$svc/src/main/resources/application.properties" | sort -u); do
    opts+=" -Dmp.messaging.incoming.$channel.topic=imagecheck.$channel -Dmp.messaging.incoming.$channel.group.id=imagecheck-$svc"
    opts+=" -Dmp.messaging.incoming.$channel.allow.auto.create.topics=false"
  done
  echo "JAVA_TOOL_OPTIONS=$(manifest_value "$svc" JAVA_TOOL_OPTIONS)$opts" >>"$file"
}

psql_su() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -h 127.0.0.1 -U postgres -w -d postgres -tAc "$1"; }

# What a failed or interrupted run leaves is undone on exit: the container or the chroot'd process
# of the service being checked, and its scratch database (only ever imagecheck_<db>).
RUNNING_SVC=""
SCRATCH_DB=""
cleanup() {
  local rc=$?
  trap - ERR
  if [[ -n "$RUNNING_SVC" ]]; then
    note "cleaning up: stopping $RUNNING_SVC's image"
    stop_container "$RUNNING_SVC" || true
    [[ "${PODMAN_OK:-0}" == 1 ]] && "${PODMAN[@]}" rm -f "imagecheck-$RUNNING_SVC" >/dev/null 2>&1 || true
    RUNNING_SVC=""
  fi
  if [[ -n "$SCRATCH_DB" ]]; then
    note "cleaning up: dropping database $SCRATCH_DB"
    psql_su "drop database if exists $SCRATCH_DB with (force)" >/dev/null 2>&1 || true
    SCRATCH_DB=""
  fi
  return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run_service SERVICE: starts the image, waits until /q/health/live and the startup probe's path
# (the manifest's, /q/health/ready) answer UP, stops it; sets RUN_*.
run_service() {
  local svc="$1" port mport db envfile log start now body code="" ready_body="" startup_path live_at="" started_at=""
  port="$(service_port "$svc")"
  mport="$(service_mport "$svc")"
  db="$(service_db "$svc")"
  [[ -z "$db" || "$db" =~ ^[a-z][a-z0-9_]*$ ]] || die "$svc: quarkus.datasource.username '$db' cannot name a scratch database"
  # the image serves /q/* where the manifest probes it: the prod profile's management port
  [[ "$(manifest_probe "$svc" livenessProbe port)" == "$(prod_mport "$svc")" && "$(manifest_probe "$svc" startupProbe port)" == "$(prod_mport "$svc")" ]] \
    || die "$svc: the manifest probes port $(manifest_probe "$svc" livenessProbe port) but the prod profile's management port is $(prod_mport "$svc")"
  startup_path="$(manifest_probe "$svc" startupProbe path)"
  [[ "$startup_path" == /q/health/* ]] || die "$svc: no startup probe path in k8s/base/services/$svc.yml"
  envfile="$WORK/$svc.env"
  log="$OUT/$svc-run.log"
  env_for "$svc" "$envfile"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken; cannot start $svc's image there"; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$mport") 2>/dev/null; then die "port $mport is taken; cannot start $svc's image there"; fi
  if [[ -n "$db" ]]; then  # a service without a datasource (the console) gets no scratch database
    SCRATCH_DB="imagecheck_$db"
    psql_su "drop database if exists imagecheck_$db with (force)" >/dev/null || die "$svc: cannot drop an old imagecheck_$db"
    psql_su "create database imagecheck_$db owner $db" >/dev/null || die "$svc: cannot create database imagecheck_$db owned by $db"
  fi
  : >"$log"
  RUNNING_SVC="$svc"
  start="$(date +%s.%N)"
  if podman_usable; then
    RUN_HOW="podman $(podman --version | awk '{print $3}') with runc: podman load -i $(basename "$ARCHIVE"); podman run --network host --read-only --tmpfs /tmp --ulimit nofile=$(ulimit -Sn) --ulimit nproc=4096 --env-file (the manifest's environment) $IMAGE_REF (the image's own USER, working directory, Env and Entrypoint)"
    "${PODMAN[@]}" rm -f "imagecheck-$svc" >/dev/null 2>&1 || true
    "${PODMAN[@]}" load -i "$ARCHIVE" >>"$log" 2>&1 || die "$svc: podman load failed; $log"
    # explicit limits: the host may not let the runtime set podman's defaults (RLIMIT_NPROC, NOFILE)
    "${PODMAN[@]}" run -d --name "imagecheck-$svc" --network host --read-only --tmpfs /tmp \
      --ulimit "nofile=$(ulimit -Sn):$(ulimit -Sn)" --ulimit nproc=4096:4096 \
      --env-file "$envfile" "$IMAGE_REF" >>"$log" 2>&1 \
      || { PODMAN_OK=0; PODMAN_REFUSAL="$(grep -m 1 '^Error' "$log" || echo "podman run failed")"
           note "podman cannot run it here ($PODMAN_REFUSAL); running it under unshare + chroot instead"; }
  fi
  if [[ "$PODMAN_OK" != 1 ]]; then
    run_chroot "$svc" "$envfile" "$log"
  fi
  RUN_LIVE=""; RUN_STARTED=""
  while :; do
    if [[ -z "$RUN_LIVE" ]]; then
      body="$(curl -s -m 2 "http://127.0.0.1:$mport/q/health/live" || true)"
      if [[ -n "$body" ]] && jq -e '.status == "UP"' >/dev/null 2>&1 <<<"$body"; then RUN_LIVE="$body"; live_at="$(since "$start")"; fi
    fi
    if [[ -z "$RUN_STARTED" ]]; then
      body="$(curl -s -m 2 "http://127.0.0.1:$mport$startup_path" || true)"
      if [[ -n "$body" ]] && jq -e '.status == "UP"' >/dev/null 2>&1 <<<"$body"; then RUN_STARTED="$body"; started_at="$(since "$start")"; fi
    fi
    [[ -n "$RUN_LIVE" && -n "$RUN_STARTED" ]] && break
    now="$(date +%s)"
    if (( now - ${start%.*} > LIVE_TIMEOUT )); then break; fi
    if ! container_alive "$svc"; then break; fi
    sleep 1
  done
  RUN_SECONDS="${live_at:-$(since "$start")}"
  RUN_STARTED_SECONDS="${started_at:-}"
  RUN_STARTUP_PATH="$startup_path"
  RUN_MPORT="$mport"
  code="$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$mport/q/health/live" || true)"
  RUN_LIVE_CODE="${code:-000}"
  code="$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$mport/q/health/ready" || true)"
  RUN_READY_CODE="${code:-000}"
  ready_body="$(curl -s -m 5 "http://127.0.0.1:$mport/q/health/ready" || true)"
  RUN_READY="$(jq -c '{status, checks: [.checks[]? | {name, status}]}' 2>/dev/null <<<"$ready_body" || true)"
  process_line "$svc"
  stop_container "$svc"
  [[ "$PODMAN_OK" == 1 ]] && "${PODMAN[@]}" logs "imagecheck-$svc" >>"$log" 2>&1 || true
  [[ "$PODMAN_OK" == 1 ]] && "${PODMAN[@]}" rm -f "imagecheck-$svc" >/dev/null 2>&1 || true
  RUNNING_SVC=""
  [[ -z "$db" ]] || psql_su "drop database if exists imagecheck_$db with (force)" >/dev/null || die "$svc: could not drop imagecheck_$db"
  SCRATCH_DB=""
  if [[ -n "$RUN_LIVE" ]]; then
    note "$svc: /q/health/live UP after ${RUN_SECONDS}s, $startup_path $([[ -n "$RUN_STARTED_SECONDS" ]] && echo "UP after ${RUN_STARTED_SECONDS}s" || echo "NOT UP") ($RUN_HOW_SHORT, user $RUN_UID)"
  else
    note "$svc: /q/health/live did NOT answer UP within ${LIVE_TIMEOUT}s; log: $log"
    tail -n 15 "$log" | sed 's/^/      /'
  fi
}

CHROOT_PID=""
run_chroot() {
  local svc="$1" envfile="$2" log="$3" bundle="$WORK/run-$1" envs=() line
  RUN_HOW="${PODMAN_REFUSAL:+podman refused to run it here ($PODMAN_REFUSAL), so: }umoci unpack of $(basename "$ARCHIVE"), then unshare --pid --mount --fork and chroot into the root file system, as the image's USER, in its working directory, with its Env and Entrypoint and the manifest's environment (read-only root bind, tmpfs /tmp)"
  rm -rf "$bundle"
  umoci unpack --image "$LAYOUT:$svc-${IMAGE_REF##*:}" "$bundle" >/dev/null
  local cfg="$bundle/config.json"
  while IFS= read -r line; do envs+=("$line"); done < <(jq -r '.process.env[]' "$cfg"; cat "$envfile")
  local uid gid cwd
  uid="$(jq -r '.process.user.uid' "$cfg")"; gid="$(jq -r '.process.user.gid' "$cfg")"; cwd="$(jq -r '.process.cwd' "$cfg")"
  local argv=()
  while IFS= read -r line; do argv+=("$line"); done < <(jq -r '.process.args[]' "$cfg")
  # the runtime looks java up on the image's PATH, as a container runtime would
  local exe
  exe="$(PATH="$(printf '%s\n' "${envs[@]}" | sed -n 's/^PATH=//p' | head -n 1)" ; IFS=:; for d in $PATH; do [[ -x "$bundle/rootfs$d/${argv[0]}" ]] && { echo "$d/${argv[0]}"; break; }; done)"
  [[ -n "$exe" ]] || die "$svc: ${argv[0]} is not on the image's PATH"
  setsid unshare --pid --mount --fork --kill-child bash -c '
      set -e; r="$1"; shift
      mount --bind "$r" "$r"; mount -o remount,bind,ro "$r"
      mount -t proc proc "$r/proc"; mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
      mount --bind /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
      exec "$@"' _ "$bundle/rootfs" \
    env -i "${envs[@]}" chroot "$bundle/rootfs" /usr/bin/setpriv --reuid="$uid" --regid="$gid" --clear-groups -- \
    /bin/sh -c 'cd "$0" && exec "$@"' "$cwd" "$exe" "${argv[@]:1}" \
    >>"$log" 2>&1 &
  CHROOT_PID=$!
}

container_alive() {
  if [[ "$PODMAN_OK" == 1 ]]; then
    [[ "$("${PODMAN[@]}" inspect -f '{{.State.Running}}' "imagecheck-$1" 2>/dev/null)" == true ]]
  else
    kill -0 "$CHROOT_PID" 2>/dev/null
  fi
}

# process_line SERVICE: RUN_UID and RUN_PROCESS of the service's java process, as the host sees it.
process_line() {
  local port pid
  port="$(service_port "$1")"
  pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
  RUN_UID=""; RUN_PROCESS=""
  if [[ -n "$pid" ]]; then
    RUN_UID="$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")"
    RUN_PROCESS="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  fi
}

stop_container() {
  if [[ "$PODMAN_OK" == 1 ]]; then
    RUN_HOW_SHORT=podman
    "${PODMAN[@]}" stop -t 20 "imagecheck-$1" >/dev/null 2>&1 || true
  else
    RUN_HOW_SHORT="unshare + chroot"
    if [[ -n "$CHROOT_PID" ]] && kill -0 "$CHROOT_PID" 2>/dev/null; then
      kill -TERM -- "-$CHROOT_PID" 2>/dev/null || kill -TERM "$CHROOT_PID" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$CHROOT_PID" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-$CHROOT_PID" 2>/dev/null || true
    fi
    wait "$CHROOT_PID" 2>/dev/null || true
    CHROOT_PID=""
    rm -rf "$WORK/run-$1"
  fi
}

# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
image_json() {  # the image as its archive says
  local m="$LAYOUT/blobs/sha256/${MANIFEST_DIGEST#sha256:}" c
  c="$LAYOUT/blobs/sha256/$(jq -r '.config.digest' "$m" | cut -d: -f2)"
  jq -n --arg svc "$1" --arg ref "$IMAGE_REF" --arg archive "$(basename "$ARCHIVE")" \
    --argjson archiveBytes "$(stat -c %s "$ARCHIVE")" --arg digest "$MANIFEST_DIGEST" \
    --slurpfile manifest "$m" --slurpfile config "$c" '
    {service: $svc, image: $ref, archive: $archive, archiveBytes: $archiveBytes, manifestDigest: $digest,
     configDigest: $manifest[0].config.digest,
     layers: [range(0; $manifest[0].layers | length) as $i |
              {digest: $manifest[0].layers[$i].digest, compressedBytes: $manifest[0].layers[$i].size,
               createdBy: ([$config[0].history[] | select(.empty_layer != true)][$i].created_by)}],
     compressedBytes: ([$manifest[0].layers[].size] | add),
     user: $config[0].config.User, workingDir: $config[0].config.WorkingDir,
     entrypoint: $config[0].config.Entrypoint, env: $config[0].config.Env}'
}

main() {
  local services=() svc results=() run=1
  while (( $# )); do
    case "$1" in
      --no-run) run=0 ;;
      --no-build) ;;  # ./stack's: it packages the services first unless told not to; here nothing is packaged
      -*) die "unknown option $1" ;;
      *) services+=("$1") ;;
    esac
    shift
  done
  (( ${#services[@]} )) || services=("${ALL_SERVICES[@]}")
  for svc in "${services[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $svc "* ]] || die "unknown service $svc (one of ${ALL_SERVICES[*]})"
  done
  ensure_tools
  mkdir -p "$OUT" "$WORK"
  # images of other services from an earlier run stay in the report while their archives exist
  local earlier="[]"
  if [[ -f "$OUT/report.json" ]]; then
    earlier="$(jq -c --arg now "${services[*]}" '[.images[] | select(.service as $s | ($now | split(" ") | index($s)) == null)]' "$OUT/report.json")"
  fi
  rm -f "$OUT/report.json" "$OUT/report.md"
  make_rootfs
  make_runtime
  make_base_image
  for svc in "${services[@]}"; do
    local img t0
    t0="$(date +%s.%N)"
    build_service "$svc"
    img="$(image_json "$svc" | jq --arg when "$(date -u +%FT%TZ)" --arg commit "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
      --arg secs "$(since "$t0")" \
      '. + {built: $when, commit: $commit, secondsToBuild: ($secs | tonumber)}')"
    if (( run )); then
      run_service "$svc"
      img="$(jq --arg how "$RUN_HOW" --arg short "$RUN_HOW_SHORT" --arg live "$RUN_LIVE" --arg code "$RUN_LIVE_CODE" \
        --arg secs "$RUN_SECONDS" --argjson ready "${RUN_READY:-null}" --arg uid "$RUN_UID" --arg proc "$RUN_PROCESS" \
        --arg rcode "$RUN_READY_CODE" --arg spath "$RUN_STARTUP_PATH" --arg ssecs "$RUN_STARTED_SECONDS" \
        --arg started "$RUN_STARTED" --argjson mport "$RUN_MPORT" --argjson kport "$(prod_mport "$svc")" '
        . + {run: {how: $how, runner: $short, managementPort: $mport, imageManagementPort: $kport,
                   liveHttpStatus: ($code | tonumber),
                   live: (if $live == "" then null else ($live | fromjson) end),
                   secondsToLive: ($secs | tonumber), ready: $ready, readyHttpStatus: ($rcode | tonumber),
                   startupProbePath: $spath,
                   startup: (if $started == "" then null else ($started | fromjson | {status}) end),
                   secondsToStartupProbeUp: (if $ssecs == "" then null else ($ssecs | tonumber) end),
                   processUid: (if $uid == "" then null else ($uid | tonumber) end), processCommand: $proc}}' <<<"$img")"
    fi
    results+=("$img")
  done
  local rootfs_bytes runtime_bytes
  rootfs_bytes="$(stat -c %s "$ROOTFS_TAR")"
  runtime_bytes="$(du -sb "$RUNTIME" | cut -f1)"
  local kept=() k
  while IFS= read -r k; do
    [[ -n "$k" && -f "$OUT/$(jq -r .archive <<<"$k")" ]] && kept+=("$k")
  done < <(jq -c '.[]' <<<"$earlier")
  printf '%s\n' ${kept[@]+"${kept[@]}"} "${results[@]}" | jq -s 'sort_by(.service)' | jq --arg when "$(date -u +%FT%TZ)" --arg commit "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
    --arg suite "$SUITE" --argjson rootfs "$rootfs_bytes" --arg jdk "$RUNTIME_VERSION" --arg modules "$JLINK_MODULES" \
    --argjson runtime "$runtime_bytes" --arg umoci "$(umoci --version | awk '{print $3}')" \
    '{generated: $when, commit: $commit,
      base: {debian: ("\($suite) minbase (mmdebstrap)"), rootfsBytes: $rootfs, javaRuntime: $jdk,
             jlinkModules: ($modules | split(",")), runtimeBytes: $runtime, umoci: $umoci},
      images: .}' >"$OUT/report.json"
  (( ${#kept[@]} )) && note "kept from an earlier run: $(jq -r '.service' <<<"$(printf '%s\n' "${kept[@]}")" | tr '\n' ' ')"
  write_markdown
  say "report: $OUT/report.json and report.md"
  jq -e '[.images[] | select(.run != null and (.run.live == null or .run.live.status != "UP"))] | length == 0' "$OUT/report.json" >/dev/null \
    || die "an image did not answer /q/health/live with UP (see report.md)"
}

write_markdown() {
  jq -r '
    def mib: . / 1048576 * 10 | round / 10 | tostring + " MiB";
    "# Images built and started here\n",
    "Generated \(.generated) (each image: its build time and commit in report.json). Base: Debian \(.base.debian), \(.base.rootfsBytes | mib) uncompressed;",
    "Java runtime jlink of \(.base.javaRuntime), \(.base.runtimeBytes | mib) (\(.base.jlinkModules | length) modules); umoci \(.base.umoci).\n",
    "| image | archive | layers (compressed) | build s | manifest digest | user | ran under | live | s to live UP | startup probe |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    (.images[] | "| `\(.image)` | \(.archiveBytes | mib) | \(.layers | length): \([.layers[].compressedBytes | mib] | join(" + ")) | \(.secondsToBuild // "-") | `\(.manifestDigest)` | \(.user) | \(.run.runner // "-") | \(.run.live.status // "not run") (HTTP \(.run.liveHttpStatus // "-")) | \(.run.secondsToLive // "-") | \(.run.startupProbePath // "-") \(.run.startup.status // "-") |"),
    "",
    (.images[] | "## \(.service)\n", "- entrypoint: `\(.entrypoint | join(" "))` in `\(.workingDir)`",
      "- layers: \([.layers[] | .createdBy] | join("; "))",
      (if .run then "- ran: \(.run.how)\n- process as the host saw it: uid \(.run.processUid // "?"), `\(.run.processCommand)`\n- /q/health/live: `\(.run.live | tojson)`\n- /q/health/ready: `\(.run.ready | tojson)`\n" else "- not started (--no-run)\n" end))
  ' "$OUT/report.json" >"$OUT/report.md"
}

main "$@"
