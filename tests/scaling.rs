//! papermeta under engines that distribute the work: GNU parallel and Apache Spark (pyspark in
//! local mode, `RDD.pipe`) each feed `papermeta batch --jsonl` and the answers must equal one
//! single process's answers, paper by paper. Under `CI` a missing engine fails the test.

mod common;

use common::gen;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

const PAPERS: u64 = 60;

fn requests(dir: &Path) -> std::path::PathBuf {
    let mut text = String::new();
    for i in 0..PAPERS {
        let paper = gen::paper(i + 1, 2, 3, 6);
        text.push_str(&serde_json::json!({"id": format!("p{i:03}"), "text": paper}).to_string());
        text.push('\n');
    }
    let path = dir.join("requests.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn answers_by_id(text: &str) -> BTreeMap<String, serde_json::Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("an answer is JSON");
            (v["id"].as_str().unwrap().to_string(), v)
        })
        .collect()
}

/// The answers of one `batch --jsonl` process.
fn single_process(requests: &Path, meta: &Path) -> BTreeMap<String, serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_papermeta"))
        .args(["batch", "--jsonl", "--meta"])
        .arg(meta)
        .stdin(std::fs::File::open(requests).unwrap())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    answers_by_id(&String::from_utf8(out.stdout).unwrap())
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("journal.toml");
    std::fs::write(&meta, gen::META).unwrap();
    let req = requests(dir.path());
    (dir, req, meta)
}

fn available(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn gnu_parallel_answers_equal_a_single_process() {
    if !available("parallel", "--version") {
        common::skip("GNU parallel is not installed (Debian: parallel)");
        return;
    }
    let (dir, req, meta) = setup();
    let command = format!(
        "{} batch --jsonl --meta {} -j 1",
        env!("CARGO_BIN_EXE_papermeta"),
        meta.display()
    );
    let out = Command::new("parallel")
        .args([
            "--will-cite",
            "--pipe",
            "-N",
            "7",
            "--keep-order",
            "-j",
            "2",
            &command,
        ])
        .stdin(std::fs::File::open(&req).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected_ids: Vec<String> = (0..PAPERS).map(|i| format!("p{i:03}")).collect();
    assert_eq!(ids, expected_ids, "--keep-order keeps the request order");
    let single = single_process(&req, &meta);
    assert_eq!(answers_by_id(&text), single);
    drop(dir);
}

#[test]
fn spark_rdd_pipe_answers_equal_a_single_process() {
    let probe = Command::new("python3")
        .args(["-c", "import pyspark"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) || !available("java", "-version") {
        common::skip("pyspark (pip install pyspark) or Java is not installed");
        return;
    }
    let (dir, req, meta) = setup();
    let answers = dir.path().join("answers.jsonl");
    let script = common::root().join("tests/scaling/spark_pipe.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(&req)
        .arg(env!("CARGO_BIN_EXE_papermeta"))
        .arg(&meta)
        .arg(&answers)
        .arg("4")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&answers).unwrap();
    let got = answers_by_id(&text);
    assert_eq!(got.len() as u64, PAPERS);
    assert_eq!(got, single_process(&req, &meta));
}
