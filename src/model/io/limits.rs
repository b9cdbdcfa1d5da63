//! The limits a roadmap's files must stay within, in one place. Past any of them loading stops
//! with an error that names the limit; nothing is truncated silently. `roadmaps/README.md`
//! ("Limits") documents them for people who write roadmaps.

/// The largest file accepted, in bytes (64 MiB). A file is measured before it is read, and never
/// more than this and one byte is read, so a file that grows meanwhile cannot pass it.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The most bytes all files of one roadmap may hold together (512 MiB): the entry file and every
/// include. Checked on the files' sizes before any include is read. A roadmap 1000 times the
/// bundled one (about 320 MB) is within it.
pub const MAX_TOTAL_BYTES: usize = 512 * 1024 * 1024;

/// The deepest nesting of RON values accepted.
pub const MAX_NESTING: usize = 64;

/// The most files one roadmap may include.
pub const MAX_INCLUDES: usize = 1000;

/// `bytes` for a person: `64 MiB`, `1.5 MiB`, `800 KiB`, `12 bytes`.
pub(crate) fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB {
        let tenths = bytes * 10 / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if bytes >= KIB {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(MAX_FILE_BYTES as u64), "64 MiB");
        assert_eq!(human_size(MAX_TOTAL_BYTES as u64), "512 MiB");
        assert_eq!(human_size(3 * 1024 * 1024 / 2), "1.5 MiB");
        assert_eq!(human_size(800 * 1024), "800 KiB");
        assert_eq!(human_size(12), "12 bytes");
    }
}
