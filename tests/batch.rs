//! `papermeta batch`: directories of papers with broken ones among them, the JSONL report,
//! the summary, an interrupted run resumed, and `--jsonl` answers identical to single runs.

mod common;

use common::gen;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_papermeta"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `n` generated papers into `dir/part-<k>/` folders and returns their paths.
fn write_papers(dir: &Path, n: usize, pages: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let sub = dir.join(format!("part-{}", i % 3));
            std::fs::create_dir_all(&sub).unwrap();
            let path = sub.join(format!("paper-{i:04}.txt"));
            std::fs::write(&path, gen::paper(i as u64 + 1, pages, 3, 8)).unwrap();
            path
        })
        .collect()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn generated_papers_extract_with_their_structure() {
    let text = gen::paper(7, 4, 3, 8);
    let doc = papermeta::convert::read_document(text.as_bytes(), "p.txt", None).unwrap();
    assert_eq!(doc.front.authors().count(), 2);
    assert_eq!(doc.back.footnotes.len(), 12, "{:#?}", doc.warnings);
    assert_eq!(doc.back.references().count(), 8);
}

#[test]
fn a_directory_with_broken_papers_converts_the_rest_and_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let papers = write_papers(&input, 40, 2);
    // Five broken papers of five kinds.
    let broken = input.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("binary.txt"), b"\x00\x01\x02\x03binary").unwrap();
    std::fs::write(broken.join("empty.txt"), b"\n\n").unwrap();
    std::fs::write(
        broken.join("no-title.txt"),
        b"Keywords: a; b.\n\nAbstract: none.\n",
    )
    .unwrap();
    std::fs::write(broken.join("latin1.txt"), b"Titre \xe9t\xe9 \xff\xfe\n").unwrap();
    std::fs::write(broken.join("badmeta.txt"), gen::paper(999, 1, 1, 2)).unwrap();
    std::fs::write(broken.join("badmeta.meta.toml"), "[journal]\nidd = \"x\"\n").unwrap();
    let meta = dir.path().join("journal.toml");
    std::fs::write(&meta, gen::META).unwrap();
    let out_dir = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let out = bin()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .arg("--meta")
        .arg(&meta)
        .arg("--report")
        .arg(&report)
        .args(["-j", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for needle in [
        "papers            45",
        "  converted       40",
        "  failed           5",
        "outputs          160",
        "  input                                           4",
        "  metadata                                        1",
    ] {
        assert!(err.contains(needle), "`{needle}` missing from:\n{err}");
    }
    for name in ["binary", "empty", "no-title", "latin1", "badmeta"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("FAILED") && l.contains(&format!("{name}.txt"))),
            "{name}: {err}"
        );
    }
    // One report line per paper, with status, outputs and timing.
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 45);
    let converted = lines.iter().filter(|l| l["status"] == "converted").count();
    assert_eq!(converted, 40);
    assert!(lines.iter().all(|l| l["millis"].as_f64().is_some()));
    let failed_meta = lines
        .iter()
        .find(|l| {
            l["input"]
                .as_str()
                .is_some_and(|i| i.ends_with("badmeta.txt"))
        })
        .unwrap();
    assert_eq!(failed_meta["failures"][0]["kind"], "metadata");
    // Outputs mirror the input folders; the same stem in two folders cannot collide.
    for p in &papers {
        let sub = p.parent().unwrap().file_name().unwrap();
        let stem = p.file_stem().unwrap().to_string_lossy();
        assert!(
            out_dir.join(sub).join(format!("{stem}.jats.xml")).is_file(),
            "{}",
            p.display()
        );
    }
    assert!(files_under(&out_dir)
        .iter()
        .all(|f| !f.to_string_lossy().ends_with(".tmp")));
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_partial_file_and_resume_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let papers = write_papers(&input, 30, 2);
    let meta = dir.path().join("journal.toml");
    std::fs::write(&meta, gen::META).unwrap();
    let out_dir = dir.path().join("out");
    let run = |extra: &[&str], pause: Option<&str>| {
        let mut c = bin();
        c.arg("batch")
            .arg(&input)
            .arg("-o")
            .arg(&out_dir)
            .arg("--meta")
            .arg(&meta);
        c.args(["-j", "1"]).args(extra);
        if let Some(ms) = pause {
            c.env("PAPERMETA_TEST_STAGE_PAUSE_MS", ms);
        }
        c
    };
    let child = run(&[], Some("40"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Interrupt it once a third of the outputs are there, in the middle of a write.
    let started = Instant::now();
    loop {
        let n = files_under(&out_dir)
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "xml"))
            .count();
        if n >= 10 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "too slow");
        std::thread::sleep(Duration::from_millis(10));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let after_kill = files_under(&out_dir);
    assert!(
        after_kill
            .iter()
            .all(|f| !f.to_string_lossy().ends_with(".tmp")),
        "{after_kill:?}"
    );
    // Every paper has all four outputs or none.
    let complete = |files: &[PathBuf]| {
        papers
            .iter()
            .filter(|p| {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                let n = files
                    .iter()
                    .filter(|f| {
                        f.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with(&format!("{stem}."))
                    })
                    .count();
                assert!(n == 0 || n == 4, "{stem}: {n} outputs");
                n == 4
            })
            .count()
    };
    let done = complete(&after_kill);
    assert!(done > 0 && done < papers.len(), "{done}");
    let resumed = run(&["--resume"], None).output().unwrap();
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
    let err = stderr(&resumed);
    assert!(err.contains(&format!("  skipped   {done:>8}")), "{err}");
    assert_eq!(complete(&files_under(&out_dir)), papers.len());
}

#[test]
fn jsonl_answers_are_the_outputs_of_single_runs() {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("journal.toml");
    std::fs::write(&meta, gen::META).unwrap();
    let mut requests = String::new();
    for i in 0..6u64 {
        let text = gen::paper(i + 100, 2, 2, 5);
        requests.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        requests.push('\n');
    }
    requests.push_str("{\"id\": \"bad\", \"text\": \"\"}\n");
    requests.push_str("not json\n");
    let mut child = bin()
        .args(["batch", "--jsonl", "--meta"])
        .arg(&meta)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(requests.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let answers: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 8);
    assert_eq!(answers[6]["id"], "bad");
    assert_eq!(answers[6]["status"], "failed");
    assert_eq!(answers[7]["failures"][0]["kind"], "request");
    for i in 0..6u64 {
        let a = &answers[i as usize];
        assert_eq!(a["id"], i);
        assert_eq!(a["status"], "converted", "{a}");
        // The same paper through `extract`.
        let input = dir.path().join("input.txt");
        std::fs::write(&input, gen::paper(i + 100, 2, 2, 5)).unwrap();
        let single = dir.path().join(format!("single-{i}"));
        let o = bin()
            .current_dir(dir.path())
            .args(["extract", "input.txt"])
            .arg("--meta")
            .arg(&meta)
            .arg("-o")
            .arg(&single)
            .arg("-q")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        for (format, ext) in [
            ("jats", "jats.xml"),
            ("jsonld", "jsonld"),
            ("bibtex", "bib"),
            ("model", "model.json"),
        ] {
            let expected = std::fs::read_to_string(single.join(format!("input.{ext}"))).unwrap();
            assert_eq!(
                a["outputs"][format].as_str().unwrap(),
                expected,
                "{format} of paper {i}"
            );
        }
    }
}
