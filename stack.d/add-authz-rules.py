#!/usr/bin/env python3
"""Adds path resources and role permissions to one client of the realm file, keeping the file's
hand-made layout (so parallel edits of other clients still merge), and adds any role policy the
client lacks. Then push the client to a running Keycloak with stack.d/sync-authz.sh CLIENT.

    stack.d/add-authz-rules.py CLIENT '{"resources": [[name, displayName, [uri, ...]], ...],
                                        "permissions": [[resource, [METHOD, ...], [role, ...]], ...]}'
"""
import json, sys
path='k8s/keycloak/rural-credit-realm.json'
lines=open(path).read().split('\n')
def find(pred, start=0):
    for i in range(start,len(lines)):
        if pred(lines[i]): return i
    raise Exception("not found")
client=sys.argv[1]
def resource(name, display, uris):
    u=", ".join(json.dumps(x) for x in uris)
    return f'''          {{
            "name": "{name}",
            "displayName": "{display}",
            "type": "urn:{client}:resources:{name}",
            "ownerManagedAccess": false,
            "uris": [{u}],
            "scopes": [{{"name": "GET"}}, {{"name": "POST"}}, {{"name": "PUT"}}, {{"name": "PATCH"}}, {{"name": "DELETE"}}]
          }}'''
def perm(resource, scopes, roles):
    esc=lambda v: json.dumps(v).replace('"','\\"')
    return f'''          {{
            "name": "{resource}: {', '.join(scopes)} by {', '.join(roles)}",
            "description": "{' and '.join(scopes)} on {resource} for {', '.join(roles)}",
            "type": "scope",
            "logic": "POSITIVE",
            "decisionStrategy": "AFFIRMATIVE",
            "config": {{
              "resources": "{esc([resource])}",
              "scopes": "{esc(scopes)}",
              "applyPolicies": "{esc(['role '+r for r in roles])}"
            }}
          }}'''
spec=json.loads(sys.argv[2])
def role_policy(role):
    return f'''          {{
            "name": "role {role}",
            "description": "the caller has realm role {role}",
            "type": "role",
            "logic": "POSITIVE",
            "decisionStrategy": "UNANIMOUS",
            "config": {{"fetchRoles": "false", "roles": "[{{\\"id\\": \\"{role}\\", \\"required\\": true}}]"}}
          }}'''
c=find(lambda l: l.strip()==f'"clientId": "{client}",')
rs=find(lambda l: l.strip()=='"resources": [', c)
re_=find(lambda l: l=='        ],', rs)   # end of resources array
if spec.get('resources'):
    lines[re_-1]=lines[re_-1]+','
    lines[re_:re_]=",\n".join(resource(*r) for r in spec['resources']).split('\n')
ps=find(lambda l: l.strip()=='"policies": [', re_)
pe=find(lambda l: l=='        ]', ps)
lines[pe-1]=lines[pe-1]+','
client_text='\n'.join(lines[c:pe])
needed=sorted({r for p in spec['permissions'] for r in p[2]})
missing=[r for r in needed if f'"name": "role {r}",' not in client_text]
blocks=[role_policy(r) for r in missing]+[perm(*p) for p in spec['permissions']]
lines[pe:pe]=",\n".join(blocks).split('\n')
out='\n'.join(lines); json.loads(out); open(path,'w').write(out)
