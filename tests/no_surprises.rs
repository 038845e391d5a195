//! No lost work and no surprises: closed pipes, file modes, signals, stale temporaries, output
//! sets, input limits and encodings. Each test is named after the case it guards.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_papermeta"))
}

fn sample() -> PathBuf {
    common::root().join("samples/political-issues-000.txt")
}

fn sample_meta() -> PathBuf {
    common::root().join("samples/political-issues.meta.toml")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn extract(out_dir: &Path, extra: &[&str]) -> Output {
    bin()
        .arg("extract")
        .arg(sample())
        .arg("-o")
        .arg(out_dir)
        .args(extra)
        .output()
        .expect("the binary runs")
}

#[test]
fn closed_pipe_ends_the_program_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for view in ["--outline", "--citations"] {
        let mut child = bin()
            .arg("extract")
            .arg(sample())
            .arg("--meta")
            .arg(sample_meta())
            .arg("-o")
            .arg(dir.path())
            .arg(view)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{view}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{err}"
        );
        // The outputs were written before anything was printed.
        assert_eq!(files_in(dir.path()).len(), 4, "{view}");
    }
    // stderr closed too (`2>&1 | head -1`).
    let child = bin()
        .arg("extract")
        .arg(sample())
        .arg("-o")
        .arg(dir.path().join("b"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = child;
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(2),
        "exit status of the run itself (no journal.id)"
    );
}

#[cfg(unix)]
#[test]
fn outputs_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let dir = tempfile::tempdir().unwrap();
        let script =
            format!("umask {umask}; exec \"$0\" extract \"$1\" --meta \"$2\" -o \"$3\" -q",);
        let out = Command::new("sh")
            .args(["-c", &script])
            .arg(env!("CARGO_BIN_EXE_papermeta"))
            .arg(sample())
            .arg(sample_meta())
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        for f in files_in(dir.path()) {
            let m = std::fs::metadata(dir.path().join(&f))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(m, mode, "{f} under umask {umask}");
        }
    }
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigint_during_the_write_phase_leave_no_temporary_and_no_output() {
    for signal in ["TERM", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let child = bin()
            .arg("extract")
            .arg(sample())
            .arg("--meta")
            .arg(sample_meta())
            .arg("-o")
            .arg(dir.path())
            .env("PAPERMETA_TEST_STAGE_PAUSE_MS", "3000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the first temporary is staged: the run is in its write phase.
        let started = Instant::now();
        while !files_in(dir.path()).iter().any(|f| f.ends_with(".tmp")) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no temporary appeared"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let kill = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        assert!(
            code == Some(143) || code == Some(130),
            "SIG{signal}: exit {code:?}"
        );
        assert_eq!(files_in(dir.path()), Vec::<String>::new(), "SIG{signal}");
    }
}

#[cfg(unix)]
#[test]
fn sigkill_leaves_a_temporary_that_the_next_run_removes_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .arg("extract")
        .arg(sample())
        .arg("--meta")
        .arg(sample_meta())
        .arg("-o")
        .arg(dir.path())
        .env("PAPERMETA_TEST_STAGE_PAUSE_MS", "3000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !files_in(dir.path()).iter().any(|f| f.ends_with(".tmp")) {
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let left: Vec<String> = files_in(dir.path());
    assert!(
        left.iter()
            .all(|f| f.starts_with(".papermeta-") && f.ends_with(".tmp")),
        "{left:?}"
    );
    assert!(!left.is_empty());
    let out = extract(dir.path(), &["--meta", sample_meta().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a temporary left by an interrupted run"),
        "{}",
        stderr(&out)
    );
    assert!(files_in(dir.path()).iter().all(|f| !f.ends_with(".tmp")));
}

#[test]
fn a_failed_export_replaces_nothing_and_partial_names_the_stale_file() {
    let dir = tempfile::tempdir().unwrap();
    let full = extract(
        dir.path(),
        &["--meta", sample_meta().to_str().unwrap(), "-q"],
    );
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));
    let before: Vec<(String, SystemTime, Vec<u8>)> = files_in(dir.path())
        .into_iter()
        .map(|f| {
            let p = dir.path().join(&f);
            (
                f,
                std::fs::metadata(&p).unwrap().modified().unwrap(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    assert_eq!(before.len(), 4);
    // Without the metadata JATS cannot be written, and the earlier JATS is there: writing the
    // others would mix two runs, so nothing is replaced.
    let failed = extract(dir.path(), &["-q"]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(
        stderr(&failed).contains("jats not written"),
        "{}",
        stderr(&failed)
    );
    for (f, mtime, bytes) in &before {
        let p = dir.path().join(f);
        assert_eq!(
            &std::fs::metadata(&p).unwrap().modified().unwrap(),
            mtime,
            "{f}"
        );
        assert_eq!(&std::fs::read(&p).unwrap(), bytes, "{f}");
    }
    // --partial replaces the three others and names the JATS file as stale.
    let partial = extract(dir.path(), &["-q", "--partial"]);
    assert_eq!(partial.status.code(), Some(2));
    let err = stderr(&partial);
    assert!(
        err.contains("political-issues-000.jats.xml is from an earlier run"),
        "{err}"
    );
    let jats = before.iter().find(|f| f.0.ends_with(".jats.xml")).unwrap();
    assert_eq!(&std::fs::read(dir.path().join(&jats.0)).unwrap(), &jats.2);
}

#[test]
fn an_input_over_the_limit_is_refused_at_once_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = extract(dir.path(), &["--max-input", "1K"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("over the limit of 1024 bytes (raise it with --max-input)"),
        "{}",
        stderr(&out)
    );
    assert!(files_in(dir.path()).is_empty());
    // A 2 GB sparse file: refused by its size before a byte is read, and with the limit
    // raised, by its first bytes (NUL) without reading it whole.
    let sparse = dir.path().join("sparse.txt");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    for extra in [&[][..], &["--max-input", "4G"][..]] {
        let started = Instant::now();
        let out = bin()
            .arg("extract")
            .arg(&sparse)
            .arg("-o")
            .arg(dir.path().join("out"))
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("over the limit") || err.contains("looks binary"),
            "{err}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }
    // Standard input is limited too.
    let mut child = bin()
        .args(["extract", "-", "--max-input", "100", "-o"])
        .arg(dir.path().join("out"))
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let _ = child.stdin.take().unwrap().write_all(&[b'a'; 4096]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("over the limit of 100 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_failed_export_into_a_folder_without_its_earlier_output_writes_the_valid_ones() {
    // Nothing of an earlier run is there to mix with: the valid outputs are written, the
    // failure is named and the exit status says so.
    let dir = tempfile::tempdir().unwrap();
    let out = extract(dir.path(), &["-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("jats not written"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("no output was written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        files_in(dir.path()),
        vec![
            "political-issues-000.bib",
            "political-issues-000.jsonld",
            "political-issues-000.model.json"
        ]
    );
    // A second run that fails the same way replaces them: still no mix of two runs.
    let again = extract(dir.path(), &["-q"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(files_in(dir.path()).len(), 3);
}

#[test]
fn a_huge_file_to_validate_is_refused_at_once_with_the_limit_named() {
    // A 100 MB JSON-LD file used to take many times its size in memory: `validate` refuses
    // files over --max-input (64 MiB by default) by their size, before reading a byte.
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.jsonld");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let started = Instant::now();
    let out = bin().arg("validate").arg(&huge).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("over the input limit of 67108864 bytes (raise it with --max-input)"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    // Under the limit, a file is checked as before.
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seed/output.jsonld");
    let out = bin()
        .args(["validate", "--max-input", "10M"])
        .arg(&golden)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn utf16_without_a_bom_is_read() {
    let text = std::fs::read_to_string(sample()).unwrap();
    for big_endian in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("paper.txt");
        std::fs::write(&input, bytes).unwrap();
        let out = bin()
            .arg("extract")
            .arg(&input)
            .args(["--to", "model", "-o"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let model = std::fs::read_to_string(dir.path().join("paper.model.json")).unwrap();
        let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        assert!(
            model.contains(&format!("\"encoding\": \"{encoding}\"")),
            "{encoding}"
        );
    }
}

#[test]
fn a_few_control_bytes_are_dropped_with_a_warning_not_called_binary() {
    let mut text = std::fs::read(sample()).unwrap();
    // A broken font map leaves a glyph as a control byte, here in line 3.
    let third_line = text
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0;
    text.insert(third_line + 1, 0x02);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("paper.txt");
    std::fs::write(&input, &text).unwrap();
    let out = bin()
        .arg("extract")
        .arg(&input)
        .args(["--to", "model", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(":3:1: warning[control-bytes-dropped]: dropped 1 control byte"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_error_names_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = extract(
        &blocker.join("out"),
        &["--meta", sample_meta().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let line = err.lines().last().unwrap_or_default().to_string();
    assert!(line.starts_with("papermeta: cannot write"), "{err}");
    assert_eq!(line.matches("Not a directory").count(), 1, "{line}");
}
