#!/usr/bin/env python3
"""A structural validator for the SARIF 2.1.0 the runner writes: the required
properties, types, enums and allowed property names of each object of the
OASIS SARIF 2.1.0 schema that the runner emits (sarifLog, run, tool,
toolComponent, reportingDescriptor, result, location, physicalLocation,
artifactLocation, region, message, fix, artifactChange, replacement), plus
what GitHub code scanning requires on top (a driver name, rules with text,
every result with a message and a physical location). No network.

Usage: validate-sarif.py [--registry checks/Checks.def] FILE...
With --registry, every containers-* rule must carry the registry's summary
as its shortDescription and help text. Prints "FILE: valid, N results" or the
problems, one a line, and exits 1 on any problem."""
import json
import re
import sys

ALLOWED = {
    "sarifLog": "$schema version runs inlineExternalProperties properties",
    "run": "tool invocations conversion language versionControlProvenance originalUriBaseIds "
           "artifacts logicalLocations graphs results automationDetails runAggregates "
           "baselineGuid redactionTokens defaultEncoding defaultSourceLanguage newlineSequences "
           "columnKind externalPropertyFileReferences threadFlowLocations taxonomies addresses "
           "translations policies webRequests webResponses specialLocations properties",
    "tool": "driver extensions properties",
    "toolComponent": "guid name organization product productSuite shortDescription "
                     "fullDescription fullName version semanticVersion dottedQuadFileVersion "
                     "releaseDateUtc downloadUri informationUri globalMessageStrings notifications "
                     "rules taxa locations language contents isComprehensive "
                     "localizedDataSemanticVersion minimumRequiredLocalizedDataSemanticVersion "
                     "associatedComponent translationMetadata supportedTaxonomies properties",
    "reportingDescriptor": "id deprecatedIds guid deprecatedGuids name deprecatedNames "
                           "shortDescription fullDescription messageStrings defaultConfiguration "
                           "helpUri help relationships properties",
    "reportingConfiguration": "enabled level rank parameters properties",
    "result": "ruleId ruleIndex rule kind level message analysisTarget locations guid "
              "correlationGuid occurrenceCount partialFingerprints fingerprints stacks codeFlows "
              "graphs graphTraversals relatedLocations suppressions baselineState rank "
              "attachments hostedViewerUri workItemUris provenance fixes taxa webRequest "
              "webResponse properties",
    "location": "id physicalLocation logicalLocations message annotations relationships properties",
    "physicalLocation": "address artifactLocation region contextRegion properties",
    "artifactLocation": "uri uriBaseId index description properties",
    "region": "startLine startColumn endLine endColumn charOffset charLength byteOffset "
              "byteLength snippet message sourceLanguage properties",
    "message": "text markdown id arguments properties",
    "multiformatMessageString": "text markdown properties",
    "fix": "description artifactChanges properties",
    "artifactChange": "artifactLocation replacements properties",
    "replacement": "deletedRegion insertedContent properties",
    "artifactContent": "text binary rendered properties",
}
LEVELS = {"none", "note", "warning", "error"}
problems = []


def obj(value, kind, where, required=()):
    if not isinstance(value, dict):
        problems.append("%s: %s is not an object" % (where, kind))
        return False
    extra = set(value) - set(ALLOWED[kind].split())
    if extra:
        problems.append("%s: %s has unknown properties %s" % (where, kind, sorted(extra)))
    for r in required:
        if r not in value:
            problems.append("%s: %s lacks required '%s'" % (where, kind, r))
    return True


def string(value, where, nonempty=True):
    if not isinstance(value, str) or (nonempty and not value):
        problems.append("%s: not a non-empty string" % where)


def integer(value, where, minimum):
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        problems.append("%s: not an integer >= %d" % (where, minimum))


def text_message(value, kind, where):
    if obj(value, kind, where):
        if "text" not in value and "id" not in value:
            problems.append("%s: %s has neither 'text' nor 'id'" % (where, kind))
        if "text" in value:
            string(value["text"], where + ".text")


def uri(value, where):
    string(value, where)
    if isinstance(value, str) and (" " in value or re.search(r"[\x00-\x1f]", value)):
        problems.append("%s: '%s' is not a valid URI reference" % (where, value))


def artifact_location(value, where, bases):
    if obj(value, "artifactLocation", where):
        if "uri" in value:
            uri(value["uri"], where + ".uri")
        if "uriBaseId" in value and value["uriBaseId"] not in bases:
            problems.append("%s: uriBaseId '%s' is not in run.originalUriBaseIds" %
                            (where, value["uriBaseId"]))
        if "uri" not in value and "index" not in value:
            problems.append("%s: artifactLocation has neither 'uri' nor 'index'" % where)


def region(value, where):
    if not obj(value, "region", where):
        return
    for k in ("startLine", "startColumn", "endLine", "endColumn"):
        if k in value:
            integer(value[k], "%s.%s" % (where, k), 1)
    for k in ("byteOffset", "charOffset"):
        if k in value:
            integer(value[k], "%s.%s" % (where, k), 0)
    for k in ("byteLength", "charLength"):
        if k in value:
            integer(value[k], "%s.%s" % (where, k), 0)
    if not any(k in value for k in ("startLine", "byteOffset", "charOffset")):
        problems.append("%s: region has no startLine, charOffset or byteOffset" % where)
    if "endLine" in value and "startLine" in value and value["endLine"] < value["startLine"]:
        problems.append("%s: endLine before startLine" % where)


def location(value, where, bases, need_physical):
    if not obj(value, "location", where):
        return
    if "id" in value:
        integer(value["id"], where + ".id", -1)
    if "message" in value:
        text_message(value["message"], "message", where + ".message")
    pl = value.get("physicalLocation")
    if pl is None:
        if need_physical:
            problems.append("%s: no physicalLocation (GitHub code scanning needs one)" % where)
        return
    if obj(pl, "physicalLocation", where + ".physicalLocation", ["artifactLocation"]):
        if "artifactLocation" in pl:
            artifact_location(pl["artifactLocation"], where + ".physicalLocation.artifactLocation", bases)
        if "region" in pl:
            region(pl["region"], where + ".physicalLocation.region")


def validate(log, name):
    if not obj(log, "sarifLog", name, ["version", "runs"]):
        return 0
    if log.get("version") != "2.1.0":
        problems.append("%s: version is not '2.1.0'" % name)
    if "$schema" in log:
        uri(log["$schema"], name + ".$schema")
    runs = log.get("runs")
    if not isinstance(runs, list):
        problems.append("%s: runs is not an array" % name)
        return 0
    count = 0
    for r, run in enumerate(runs):
        w = "%s.runs[%d]" % (name, r)
        if not obj(run, "run", w, ["tool"]):
            continue
        bases = run.get("originalUriBaseIds", {})
        for b, loc in bases.items():
            artifact_location(loc, "%s.originalUriBaseIds.%s" % (w, b), {})
            u = loc.get("uri", "") if isinstance(loc, dict) else ""
            if not (re.match(r"^[a-z][a-z0-9+.-]*:", u) and u.endswith("/")):
                problems.append("%s.originalUriBaseIds.%s: uri must be absolute and end with '/'" % (w, b))
        if "columnKind" in run and run["columnKind"] not in ("utf16CodeUnits", "unicodeCodePoints"):
            problems.append("%s.columnKind: not utf16CodeUnits or unicodeCodePoints" % w)
        tool = run.get("tool", {})
        rules = []
        if obj(tool, "tool", w + ".tool", ["driver"]):
            driver = tool.get("driver", {})
            if obj(driver, "toolComponent", w + ".tool.driver", ["name"]):
                string(driver.get("name"), w + ".tool.driver.name")
                rules = driver.get("rules", [])
                if not isinstance(rules, list):
                    problems.append("%s.tool.driver.rules: not an array" % w)
                    rules = []
                ids = set()
                for i, rule in enumerate(rules):
                    rw = "%s.tool.driver.rules[%d]" % (w, i)
                    if not obj(rule, "reportingDescriptor", rw, ["id"]):
                        continue
                    string(rule.get("id"), rw + ".id")
                    if rule.get("id") in ids:
                        problems.append("%s: duplicate rule id '%s'" % (rw, rule.get("id")))
                    ids.add(rule.get("id"))
                    for k in ("shortDescription", "fullDescription", "help"):
                        if k in rule:
                            if obj(rule[k], "multiformatMessageString", rw + "." + k, ["text"]):
                                string(rule[k].get("text"), rw + "." + k + ".text")
                        elif k != "fullDescription":
                            problems.append("%s: no %s (GitHub shows it)" % (rw, k))
                    if "defaultConfiguration" in rule and obj(
                            rule["defaultConfiguration"], "reportingConfiguration",
                            rw + ".defaultConfiguration"):
                        lvl = rule["defaultConfiguration"].get("level", "warning")
                        if lvl not in LEVELS:
                            problems.append("%s.defaultConfiguration.level: '%s'" % (rw, lvl))
        results = run.get("results", [])
        if not isinstance(results, list):
            problems.append("%s.results: not an array" % w)
            continue
        for i, res in enumerate(results):
            rw = "%s.results[%d]" % (w, i)
            count += 1
            if not obj(res, "result", rw, ["message"]):
                continue
            text_message(res.get("message"), "message", rw + ".message")
            if res.get("level", "warning") not in LEVELS:
                problems.append("%s.level: '%s' not in %s" % (rw, res.get("level"), sorted(LEVELS)))
            if "ruleIndex" in res:
                integer(res["ruleIndex"], rw + ".ruleIndex", 0)
                ri = res["ruleIndex"]
                if isinstance(ri, int) and not (0 <= ri < len(rules) and
                                                rules[ri].get("id") == res.get("ruleId")):
                    problems.append("%s.ruleIndex: rules[%s] is not rule '%s'" % (rw, ri, res.get("ruleId")))
            locs = res.get("locations")
            if not isinstance(locs, list) or not locs:
                problems.append("%s: no locations (GitHub code scanning needs one)" % rw)
                locs = []
            for j, loc in enumerate(locs):
                location(loc, "%s.locations[%d]" % (rw, j), bases, True)
            for j, loc in enumerate(res.get("relatedLocations", [])):
                location(loc, "%s.relatedLocations[%d]" % (rw, j), bases, False)
            fp = res.get("partialFingerprints", {})
            if not isinstance(fp, dict) or not all(isinstance(v, str) for v in fp.values()):
                problems.append("%s.partialFingerprints: not an object of strings" % rw)
            for j, fix in enumerate(res.get("fixes", [])):
                fw = "%s.fixes[%d]" % (rw, j)
                if not obj(fix, "fix", fw, ["artifactChanges"]):
                    continue
                if "description" in fix:
                    text_message(fix["description"], "message", fw + ".description")
                changes = fix.get("artifactChanges")
                if not isinstance(changes, list) or not changes:
                    problems.append("%s.artifactChanges: not a non-empty array" % fw)
                    continue
                for k, ch in enumerate(changes):
                    cw = "%s.artifactChanges[%d]" % (fw, k)
                    if not obj(ch, "artifactChange", cw, ["artifactLocation", "replacements"]):
                        continue
                    artifact_location(ch.get("artifactLocation"), cw + ".artifactLocation", bases)
                    reps = ch.get("replacements")
                    if not isinstance(reps, list) or not reps:
                        problems.append("%s.replacements: not a non-empty array" % cw)
                        continue
                    for m, rep in enumerate(reps):
                        pw = "%s.replacements[%d]" % (cw, m)
                        if obj(rep, "replacement", pw, ["deletedRegion"]):
                            region(rep.get("deletedRegion", {}), pw + ".deletedRegion")
                            if "insertedContent" in rep:
                                obj(rep["insertedContent"], "artifactContent", pw + ".insertedContent")
    return count


args = sys.argv[1:]
registry = {}
if args and args[0] == "--registry":
    with open(args[1], encoding="utf-8") as f:
        for name, parts in re.findall(r'CONTAINERS_CHECK\("([a-z0-9-]+)",\s*\w+,\s*"\w+",\s*((?:"[^"]*"\s*)+)\)',
                                      f.read()):
            registry[name] = "".join(re.findall(r'"([^"]*)"', parts))
    args = args[2:]


def check_registry(log, name):
    for run in log.get("runs", []):
        for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
            rid = rule.get("id", "")
            if rid.startswith("containers-"):
                want = registry.get(rid)
                for k in ("shortDescription", "help"):
                    if rule.get(k, {}).get("text") != want:
                        problems.append("%s: rule %s: %s.text is not the registry summary %r" %
                                        (name, rid, k, want))


status = 0
for path in args:
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print("%s: not readable JSON: %s" % (path, e))
        status = 1
        continue
    n = validate(log, path)
    if registry:
        check_registry(log, path)
    for p in problems:
        print(p)
    if problems:
        status = 1
    else:
        print("%s: valid, %d results" % (path, n))
sys.exit(status)
