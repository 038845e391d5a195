//! Every golden output (from text and, in `from-pdf/`, from PDF) goes through the real consumers in ../shared/tools: xmllint with the
//! official JATS DTD and the PMC style checker, JSON-LD expansion against schema.org, and
//! bibtex, biber, pybtex, bibtexparser and citation-js. A case may list the findings it is
//! allowed (its `consumer-findings.txt`, e.g. those caused by missing article facts); every
//! other case must pass with 0 failures.

mod common;

#[test]
fn golden_outputs_pass_the_real_consumers() {
    let Some(tools) = common::shared_tools() else {
        common::skip("../shared/tools is absent, so the real consumers cannot be run");
        return;
    };
    let missing: Vec<&str> = ["xmllint", "xsltproc", "bibtex", "biber"]
        .into_iter()
        .filter(|tool| {
            std::process::Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .output()
                .map_or(true, |o| !o.status.success())
        })
        .collect();
    if !missing.is_empty() {
        common::skip(&format!(
            "{} not installed; run ../shared/tools/install-consumers (as .ci/run does)",
            missing.join(", ")
        ));
        return;
    }
    let mut problems = Vec::new();
    let mut files_checked = 0;
    for case in common::golden_output_dirs() {
        let mut findings = Vec::new();
        for (tool, file) in [
            ("check-jats", "output.jats.xml"),
            ("check-jsonld", "output.jsonld"),
            ("check-bibtex", "output.bib"),
        ] {
            let path = case.join(file);
            if !path.is_file() {
                continue;
            }
            files_checked += 1;
            let run = common::run_consumer(&tools, tool, &path);
            if run.passed == 0 {
                problems.push(format!(
                    "{tool} ran no check on {}:\n{}",
                    path.display(),
                    run.output
                ));
            }
            findings.extend(run.failures.iter().map(|f| format!("{file}: {f}")));
        }
        let mut actual = findings.join("\n");
        if !actual.is_empty() {
            actual.push('\n');
        }
        let expected_path = case.join("consumer-findings.txt");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if common::updating(&case) {
            if actual.is_empty() {
                let _ = std::fs::remove_file(&expected_path);
            } else {
                std::fs::write(&expected_path, &actual).unwrap();
            }
        } else if actual != expected {
            problems.push(format!(
                "{}: the real consumers reported\n{}\nbut the case allows\n{}",
                case.display(),
                if actual.is_empty() {
                    "(nothing)\n"
                } else {
                    &actual
                },
                if expected.is_empty() {
                    "(nothing)\n"
                } else {
                    &expected
                }
            ));
        }
    }
    assert!(
        files_checked >= 9,
        "only {files_checked} golden outputs were checked"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
