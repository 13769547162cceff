//! Recordings that cannot be read: an error naming the file, and nothing cached for them.

use hark::waveform::{self, PeaksCache, WaveformError};

#[test]
fn a_missing_or_corrupt_recording_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("dir");
    let cache = PeaksCache::new(dir.path().join("peaks"));
    let hash = "5f".repeat(32);
    let missing = dir.path().join("gone-4401-20261104.wav");
    let corrupt = dir.path().join("corrupt-4517-20261102.wav");
    std::fs::write(&corrupt, b"RIFF\x10\0\0\0WAVEjunk".repeat(40)).expect("write");

    for path in [&missing, &corrupt] {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let error = waveform::load(&cache, path, &hash, 0, u64::MAX, 1200).expect_err(&name);
        assert!(
            matches!(error, WaveformError::Audio(_)),
            "{name}: {error:?}"
        );
        assert!(error.to_string().contains(&name), "{error}");
        let error = hark::Error::from(error);
        assert_eq!(error.code(), "audio");
        assert!(error.to_string().contains(&name), "{error}");
        assert_eq!(cache.get(&hash).expect("valid hash"), None, "{name}");
    }
}
