//! Output files, written as a set: every output is first written to a temporary file in the
//! target directory, and only when all of them are written are they renamed into place, so a
//! reader never sees a partial file and a failed run changes nothing.
//!
//! Temporaries are named `.papermeta-<pid>-<n>.tmp`, created with the mode a plain `open`
//! gives under the user's umask, and registered while they exist: a signal handler (see
//! [`remove_pending_temporaries`]) removes them before the process ends, and a later run
//! removes the ones a killed process left ([`remove_stale_temporaries`]).

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};
use thiserror::Error;

/// Why an output could not be written.
#[derive(Debug, Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct OutputError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// The underlying error (its text is part of this error's message).
    pub source: std::io::Error,
}

/// The prefix of every temporary papermeta writes.
const TEMP_PREFIX: &str = ".papermeta-";
/// The suffix of every temporary papermeta writes.
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary without a process id (written by an older papermeta) is stale after this long.
const ANONYMOUS_TEMP_AGE: Duration = Duration::from_secs(3600);

/// The temporaries this process has created and not yet renamed or removed.
static PENDING: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn pending() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary this process has not renamed yet; for signal handlers, which
/// then end the process. Returns how many were removed.
pub fn remove_pending_temporaries() -> usize {
    let mut set = pending();
    let mut removed = 0;
    for path in std::mem::take(&mut *set) {
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A new temporary file in `dir`, registered until it is renamed or dropped.
struct Temporary {
    path: PathBuf,
    file: Option<File>,
}

impl Temporary {
    fn create(dir: &Path) -> std::io::Result<Temporary> {
        let pid = std::process::id();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("{TEMP_PREFIX}{pid}-{n}{TEMP_SUFFIX}"));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // What a plain `open` gives: 0666 less the umask.
                options.mode(0o666);
            }
            match options.open(&path) {
                Ok(file) => {
                    pending().insert(path.clone());
                    return Ok(Temporary {
                        path,
                        file: Some(file),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let file = self.file.as_mut().ok_or(std::io::ErrorKind::Other)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// Renames the temporary to `target`, replacing it.
    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        drop(self.file.take());
        std::fs::rename(&self.path, target)?;
        pending().remove(&self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.path);
            pending().remove(&self.path);
        }
    }
}

/// A test hook: `PAPERMETA_TEST_STAGE_PAUSE_MS` makes every staged output wait that long,
/// so the signal tests can interrupt a run in its write phase.
fn pause_for_tests() {
    static PAUSE: std::sync::OnceLock<Option<Duration>> = std::sync::OnceLock::new();
    let pause = PAUSE.get_or_init(|| {
        std::env::var("PAPERMETA_TEST_STAGE_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
    });
    if let Some(pause) = pause {
        std::thread::sleep(*pause);
    }
}

/// The directory a path's file is in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A set of outputs written together: staged as temporaries, then renamed all at once.
/// Dropping an uncommitted set removes its temporaries.
#[derive(Default)]
pub struct OutputSet {
    staged: Vec<(Temporary, PathBuf)>,
}

impl OutputSet {
    /// An empty set.
    pub fn new() -> Self {
        OutputSet::default()
    }

    /// Writes `bytes` to a temporary beside `path`.
    pub fn stage(&mut self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        let wrap = |source| OutputError {
            path: path.to_path_buf(),
            source,
        };
        let mut tmp = Temporary::create(parent_dir(path)).map_err(wrap)?;
        tmp.write_all(bytes).map_err(wrap)?;
        self.staged.push((tmp, path.to_path_buf()));
        pause_for_tests();
        Ok(())
    }

    /// Renames every staged output into place; returns the paths written.
    pub fn commit(self) -> Result<Vec<PathBuf>, OutputError> {
        let mut written = Vec::with_capacity(self.staged.len());
        for (tmp, target) in self.staged {
            tmp.persist(&target).map_err(|source| OutputError {
                path: target.clone(),
                source,
            })?;
            written.push(target);
        }
        Ok(written)
    }
}

/// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let mut set = OutputSet::new();
    set.stage(path, bytes)?;
    set.commit().map(|_| ())
}

/// Whether a process with this id is running (on systems without `/proc`, every process is
/// taken to be running, so only anonymous temporaries age out).
fn process_alive(pid: u32) -> bool {
    let proc_dir = Path::new("/proc");
    !proc_dir.is_dir() || proc_dir.join(pid.to_string()).exists()
}

/// Removes the temporaries of papermeta's naming in `dir` that no running papermeta owns:
/// those of a process that no longer runs, and anonymous ones older than an hour. Returns
/// the paths removed.
pub fn remove_stale_temporaries(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let own = std::process::id();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(middle) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let pid = middle
            .split_once('-')
            .and_then(|(p, n)| n.parse::<u64>().ok().and(p.parse::<u32>().ok()));
        let stale = match pid {
            Some(pid) => pid != own && !process_alive(pid),
            None => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > ANONYMOUS_TEMP_AGE),
        };
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.xml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Other tests write at the same time: only this folder's temporaries must be gone.
        assert!(!pending().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn missing_directory_is_an_error_naming_the_file() {
        let err = write_atomic(Path::new("/nonexistent-dir-papermeta/x.bib"), b"x").unwrap_err();
        assert!(err.to_string().contains("x.bib"));
    }

    #[test]
    fn an_uncommitted_set_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = OutputSet::new();
        set.stage(&dir.path().join("a.xml"), b"a").unwrap();
        set.stage(&dir.path().join("b.bib"), b"b").unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        drop(set);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids above the kernel's maximum (4194304) never run.
        let dead = dir.path().join(".papermeta-4294967295-3.tmp");
        let live = dir
            .path()
            .join(format!(".papermeta-{}-9.tmp", std::process::id()));
        let fresh_anonymous = dir.path().join(".papermeta-AbC123.tmp");
        let other = dir.path().join("notes.tmp");
        for p in [&dead, &live, &fresh_anonymous, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        assert_eq!(remove_stale_temporaries(dir.path()), vec![dead.clone()]);
        assert!(live.exists() && fresh_anonymous.exists() && other.exists());
    }

    #[cfg(unix)]
    #[test]
    fn outputs_get_the_mode_of_a_plain_open() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let ours = dir.path().join("ours");
        write_atomic(&ours, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&plain));
    }
}
