package org.ruralcredit.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The bytes a corpus case sends: a named body with its patches applied, a literal, or one of the
 * generated payloads (oversized, deeply nested, binary garbage, a zip bomb, a foreign encoding).
 */
final class RequestBodies {

    private final HostileCorpus corpus;
    private final Placeholders placeholders;
    /** The import template's header row as the registry serves it. */
    private final String templateHeader;

    private final Random random = new Random(7);

    RequestBodies(HostileCorpus corpus, Placeholders placeholders, String templateHeader) {
        this.corpus = corpus;
        this.placeholders = placeholders;
        this.templateHeader = templateHeader;
    }

    /** The JSON body of a case: a named body, resolved and patched, or a literal JSON value. */
    JsonNode json(JsonNode definition) {
        JsonNode body = definition.has("json")
                ? definition.get("json").deepCopy()
                : corpus.body(definition.get("body").asText());
        body = resolve(body);
        if (definition.path("generate").asText("").startsWith("members:")) {
            int count = Integer.parseInt(definition.get("generate").asText().substring("members:".length()));
            ArrayNode members = (ArrayNode) body.at("/file/members");
            JsonNode template = members.get(1);
            for (int i = 0; i < count; i++) {
                members.add(
                        resolve(corpus.body("household").at("/file/members/1")).deepCopy());
            }
            members.set(1, template);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("patch").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> patch = it.next();
            set(body, patch.getKey(), value(body, resolve(patch.getValue())));
        }
        return body;
    }

    String resolveText(String text) {
        return placeholders.resolve(text);
    }

    /** Generated raw payloads: {@code big-json:N}, {@code nested-json:N}, {@code random:N}. */
    byte[] generated(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "big-json" ->
                ("{\"padding\":\"" + "x".repeat(Integer.parseInt(argument)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case "nested-json" ->
                ("[".repeat(Integer.parseInt(argument)) + "]".repeat(Integer.parseInt(argument)))
                        .getBytes(StandardCharsets.UTF_8);
            case "random" -> {
                byte[] bytes = new byte[Integer.parseInt(argument)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case "text" -> argument.getBytes(StandardCharsets.UTF_8);
            case "template-plus" ->
                (templateHeader + (argument.isEmpty() ? "" : "," + argument) + "\n").getBytes(StandardCharsets.UTF_8);
            case "utf16-template" -> ("\uFEFF" + templateHeader + "\n").getBytes(StandardCharsets.UTF_16LE);
            default -> throw new IllegalArgumentException("unknown generated body " + spec);
        };
    }

    /** Zip payloads named like workbooks. */
    byte[] zip(String kind) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (kind.equals("zip-not-xlsx")) {
                zip.putNextEntry(new ZipEntry("readme.txt"));
                zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            } else if (kind.equals("zip-xlsx-dtd")) {
                // a workbook whose main part declares a document type with nested entities (XXE / billion laughs)
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(
                        ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                        + "</Types>")
                                .getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
                zip.write(("<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&b;&x;</sheets></workbook>")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                // a workbook's parts, one of which inflates to 512 MiB of zeros
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(
                        ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                        + "</Types>")
                                .getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zeros(zip, 512L << 20);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void zeros(OutputStream out, long count) throws IOException {
        byte[] block = new byte[1 << 16];
        for (long written = 0; written < count; written += block.length) {
            out.write(block);
        }
    }

    /** Placeholders resolved; {@code "#int:n"} (after resolution, e.g. {@code "#int:${serial}"}) is the number n. */
    private JsonNode resolve(JsonNode node) {
        if (node.isTextual()) {
            String text = placeholders.resolve(node.asText());
            return text.startsWith("#int:")
                    ? JsonNodeFactory.instance.numberNode(Long.parseLong(text.substring(5)))
                    : TextNode.valueOf(text);
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(resolve(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i)));
            }
        }
        return node;
    }

    /**
     * {@code "#repeat:c:n"} is c n times; {@code "#array:n:s"} is a list of n times s;
     * {@code "@/pointer"} is the value at pointer in the same body.
     */
    private static JsonNode value(JsonNode body, JsonNode value) {
        if (value.isTextual() && value.asText().startsWith("#repeat:")) {
            String[] parts = value.asText().split(":");
            return TextNode.valueOf(parts[1].repeat(Integer.parseInt(parts[2])));
        }
        if (value.isTextual() && value.asText().startsWith("#array:")) {
            String[] parts = value.asText().split(":", 3);
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                array.add(parts[2]);
            }
            return array;
        }
        if (value.isTextual() && value.asText().startsWith("@/")) {
            return body.at(value.asText().substring(1)).deepCopy();
        }
        return value;
    }

    private static void set(JsonNode body, String pointer, JsonNode value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = body.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value == null ? JsonNodeFactory.instance.nullNode() : value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("no container at " + path.head() + " for " + pointer);
        }
    }
}
