//! Writing files only their owner may read (mode 0600): secret keys and backups.

use std::io::Write;
use std::path::Path;

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Fail if the file exists (never overwrite a key another process just wrote).
    Keep,
    Replace,
}

/// Writes `contents` to `path` with mode 0600 and syncs it to disk.
pub fn write_private(path: &Path, contents: &[u8], existing: Existing) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    match existing {
        Existing::Keep => options.create_new(true),
        Existing::Replace => options.create(true).truncate(true),
    };
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// A key as the key file holds it: lower-case hex and a newline.
pub fn key_file_text(key: &[u8]) -> String {
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_owner_only_and_keep_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        write_private(&path, b"one", Existing::Keep).unwrap();
        assert!(write_private(&path, b"two", Existing::Keep).is_err());
        write_private(&path, b"three", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert_eq!(key_file_text(&[0xab, 0x01]), "ab01\n");
    }
}
