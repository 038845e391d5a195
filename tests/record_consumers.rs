//! The record formats' golden outputs through real consumers: `check-crossref` (xmllint with
//! the official Crossref 5.3.1 XSD), `check-ris` (syntax scan, rispy, citation-js),
//! `check-csljson` (the CSL 1.0.2 JSON Schema with Python's jsonschema, citeproc-js via
//! citation-js) and `xmllint --schema MARC21slim.xsd`: 0 failures for every case that has
//! the output. Then citation-js reads the sample's RIS and CSL-JSON back: one record per
//! item (the paper and its 37 references) with every name, Arabic ones included, exactly
//! as the model has it.

mod common;

use std::path::Path;
use std::process::Command;

use papermeta::model::{Agent, ContributorRole, Document};
use serde_json::{json, Value};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn record_outputs_pass_the_real_consumers() {
    let Some(tools) = common::shared_tools() else {
        common::skip("../shared/tools is absent, so the real consumers cannot be run");
        return;
    };
    if !have("xmllint") || !have("python3") {
        common::skip("xmllint or python3 is not installed; run ../shared/tools/install-consumers");
        return;
    }
    let marc_xsd = common::root().join("../shared/vendor/marc21/MARC21slim.xsd");
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut crossref = 0;
    for case in common::golden_output_dirs() {
        for (tool, file) in [
            ("check-crossref", "output.crossref.xml"),
            ("check-ris", "output.ris"),
            ("check-csljson", "output.csl.json"),
        ] {
            let path = case.join(file);
            if !path.is_file() {
                continue;
            }
            checked += 1;
            crossref += usize::from(tool == "check-crossref");
            let run = common::run_consumer(&tools, tool, &path);
            if run.passed == 0 || run.failed > 0 {
                problems.push(format!("{tool} {}:\n{}", path.display(), run.output));
            }
            if tool != "check-crossref" && !run.output.contains("citation-js") {
                problems.push(format!(
                    "{tool} {} did not run citation-js (npm install -g @citation-js/core …)",
                    path.display()
                ));
            }
        }
        let marc = case.join("output.marc.xml");
        if marc.is_file() {
            checked += 1;
            let out = Command::new("xmllint")
                .args(["--noout", "--nonet", "--schema"])
                .arg(&marc_xsd)
                .arg(&marc)
                .output()
                .expect("xmllint runs");
            if !out.status.success() {
                problems.push(format!(
                    "xmllint --schema MARC21slim.xsd {}:\n{}",
                    marc.display(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    // Every case writes RIS, CSL-JSON and MARCXML; seed-complete also Crossref.
    assert!(checked >= 22, "only {checked} record outputs were checked");
    assert!(crossref >= 1, "no Crossref golden output was checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Names as CSL has them: `{family, given}` or `{literal}`.
fn expected_names(doc: &Document) -> Vec<Vec<Value>> {
    let mut items = Vec::new();
    items.push(
        doc.front
            .contributors
            .iter()
            .filter(|c| c.role == ContributorRole::Author)
            .map(|c| match (&c.name.family, &c.name.given) {
                (Some(f), Some(g)) => json!({"family": f, "given": g}),
                _ => json!({"literal": c.name.as_written}),
            })
            .collect(),
    );
    for r in doc.back.references() {
        items.push(
            r.authors
                .iter()
                .map(|a| match a {
                    Agent::Person {
                        family: Some(f),
                        given: Some(g),
                        ..
                    } => json!({"family": f, "given": g}),
                    Agent::Person {
                        family: Some(f),
                        given: None,
                        ..
                    } => json!({"family": f}),
                    other => json!({"literal": other.as_written()}),
                })
                .collect(),
        );
    }
    items
}

/// A one-word name read as `{family}` is as whole as `{literal}`.
fn canonical(name: &Value) -> Value {
    match (name.get("family"), name.get("given"), name.get("literal")) {
        (Some(f), None, None) => json!({ "literal": f }),
        _ => name.clone(),
    }
}

const READ_BACK: &str = r#"
const fs = require('fs');
const core = require('@citation-js/core');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');
const [kind, file] = process.argv.slice(1);
const text = fs.readFileSync(file, 'utf8');
const items = kind === 'ris'
  ? core.plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false })
  : new core.Cite(JSON.parse(text)).data;
// RIS calls AU of a NEWS record its reporter; citation-js keeps the line as a string.
const person = s => { const [f, ...g] = s.split(', '); return g.length ? { family: f, given: g.join(', ') } : { literal: s }; };
const people = i => i.author || (i.reporter ? [person(i.reporter)] : []);
const names = items.map(i => people(i).map(a => {
  const o = {};
  for (const k of ['family', 'given', 'literal']) if (a[k]) o[k] = a[k];
  return o;
}));
console.log(JSON.stringify({ n: items.length, names }));
"#;

fn node_path() -> Option<String> {
    let out = Command::new("npm").args(["root", "-g"]).output().ok()?;
    let root = String::from_utf8_lossy(&out.stdout).trim().to_string();
    Path::new(&root)
        .join("@citation-js/plugin-ris")
        .is_dir()
        .then_some(root)
}

#[test]
fn citation_js_reads_the_sample_with_arabic_names_intact() {
    let Some(node_modules) = node_path().filter(|_| have("node")) else {
        common::skip("node with @citation-js/core, plugin-ris and plugin-csl is not installed");
        return;
    };
    let case = common::root().join("tests/golden/seed");
    let model: Document =
        serde_json::from_slice(&std::fs::read(case.join("output.model.json")).unwrap()).unwrap();
    let expected = expected_names(&model);
    assert_eq!(
        expected.len(),
        38,
        "the sample has the paper and 37 references"
    );
    assert!(
        expected
            .iter()
            .flatten()
            .any(|n| n.to_string().contains("نور الدين عبدالله")),
        "the sample's compound Arabic given name is expected among the names"
    );
    for (kind, file) in [("ris", "output.ris"), ("csl", "output.csl.json")] {
        let out = Command::new("node")
            .args(["-e", READ_BACK, kind])
            .arg(case.join(file))
            .env("NODE_PATH", &node_modules)
            .output()
            .expect("node runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let result: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
            panic!(
                "{kind}: citation-js printed no result ({e}):\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert_eq!(result["n"], json!(38), "{kind}: {result}");
        let names: Vec<Vec<Value>> = serde_json::from_value(result["names"].clone()).unwrap();
        for (i, (got, want)) in names.iter().zip(&expected).enumerate() {
            let got: Vec<Value> = got.iter().map(canonical).collect();
            let want: Vec<Value> = want.iter().map(canonical).collect();
            assert_eq!(got, want, "{kind}: names of record {i}");
        }
    }
}
