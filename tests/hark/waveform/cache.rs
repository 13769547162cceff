//! The peaks cache: round trips, one file per content, damaged files recomputed, hostile hashes
//! refused.

use std::path::Path;

use hark::waveform::{self, PeaksCache, WaveformError};

use super::fixtures;

fn content_hash(path: &Path) -> String {
    hark::fingerprint::fingerprint(path)
        .expect("fingerprint")
        .blake3_hex
}

fn cache_files(cache: &PeaksCache) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(cache.dir()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_second_load_comes_from_the_cache_and_equals_the_first() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let hash = content_hash(&path);
    let cache = PeaksCache::new(dir.path().join("peaks"));

    let first = waveform::load(&cache, &path, &hash, 0, u64::MAX, 1200).expect("first load");
    assert!(!first.cached);
    assert_eq!(cache_files(&cache), vec![format!("{hash}.peaks")]);
    let second = waveform::load(&cache, &path, &hash, 0, u64::MAX, 1200).expect("second load");
    assert!(second.cached);
    assert_eq!(
        waveform::WaveformPeaks {
            cached: false,
            ..second
        },
        first
    );
    // Every zoom level came back: any other view is the same from the file as computed.
    let computed = waveform::compute(&path).expect("compute");
    let stored = cache.get(&hash).expect("valid hash").expect("hit");
    assert_eq!(stored, computed);
    let zoomed = waveform::load(&cache, &path, &hash, 12_345, 23_456, 300).expect("zoom");
    assert!(zoomed.cached);
    assert_eq!(zoomed.channels, computed.view(12_345, 23_456, 300).channels);
}

#[test]
fn the_same_content_at_two_paths_shares_one_cache_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let copy = dir.path().join("moved/elsewhere.wav");
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("dir");
    std::fs::copy(&path, &copy).expect("copy");
    let hash = content_hash(&path);
    assert_eq!(content_hash(&copy), hash);
    let cache = PeaksCache::new(dir.path().join("peaks"));

    let original = waveform::load(&cache, &path, &hash, 0, u64::MAX, 500).expect("load");
    let copied = waveform::load(&cache, &copy, &hash, 0, u64::MAX, 500).expect("load copy");
    assert!(!original.cached && copied.cached);
    assert_eq!(copied.channels, original.channels);
    assert_eq!(cache_files(&cache).len(), 1);
    // Upper-case hex names the same file, not a second one.
    let upper = waveform::load(&cache, &copy, &hash.to_uppercase(), 0, u64::MAX, 500)
        .expect("upper-case hash");
    assert!(upper.cached);
    assert_eq!(cache_files(&cache).len(), 1);
}

#[test]
fn damaged_truncated_and_foreign_cache_files_are_recomputed_and_overwritten() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let hash = content_hash(&path);
    let cache = PeaksCache::new(dir.path().join("peaks"));
    let expected = waveform::load(&cache, &path, &hash, 0, u64::MAX, 800).expect("load");
    let file = cache.file_for(&hash).expect("file");
    let good = std::fs::read(&file).expect("read cache file");

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x10;
    // Another version with a valid checksum: refused for its version, not its checksum.
    let mut newer_version = good[..good.len() - 32].to_vec();
    newer_version[8] = newer_version[8].wrapping_add(1);
    let checksum = *blake3::hash(&newer_version).as_bytes();
    newer_version.extend_from_slice(&checksum);
    let foreign = b"not a peaks file, though long enough for a header and a checksum".repeat(3);
    let damaged: [(&str, Vec<u8>); 5] = [
        ("empty", Vec::new()),
        ("truncated", good[..good.len() - 100].to_vec()),
        ("one bit flipped", flipped),
        ("another format version", newer_version),
        ("not a peaks file", foreign),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("damage");
        assert_eq!(cache.get(&hash).expect("valid hash"), None, "{what}");
        let again = waveform::load(&cache, &path, &hash, 0, u64::MAX, 800).expect(what);
        assert!(!again.cached, "{what}");
        assert_eq!(again, expected, "{what}");
        assert_eq!(
            std::fs::read(&file).expect("reread"),
            good,
            "{what}: overwritten"
        );
    }

    // A file written for another hash (copied under this name) is not taken for this one.
    let other_hash = "ab".repeat(32);
    std::fs::copy(&file, cache.file_for(&other_hash).expect("file")).expect("copy");
    assert_eq!(cache.get(&other_hash).expect("valid hash"), None);
}

#[test]
fn hostile_hashes_are_refused_and_never_become_paths() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let cache = PeaksCache::new(dir.path().join("peaks"));
    let peaks = waveform::compute(&path).expect("compute");
    let hostile = [
        String::new(),
        "../../../etc/passwd".to_owned(),
        format!("../{}", "a".repeat(61)),
        "a".repeat(63),
        "a".repeat(65),
        format!("{}/b", "a".repeat(62)),
        format!("{}g", "a".repeat(63)),
        format!("{}\0", "a".repeat(63)),
        format!("{}é", "a".repeat(62)),
        " ".repeat(64),
    ];
    for hash in &hostile {
        let refused = |result: Result<(), WaveformError>, what: &str| {
            let error = result.expect_err(what);
            assert!(
                matches!(error, WaveformError::InvalidHash(_)),
                "{what} {hash:?}: {error:?}"
            );
            assert_eq!(hark::Error::from(error).code(), "waveform");
        };
        refused(cache.file_for(hash).map(drop), "file_for");
        refused(cache.get(hash).map(drop), "get");
        refused(cache.put(hash, &peaks), "put");
        refused(
            waveform::load(&cache, &path, hash, 0, u64::MAX, 10).map(drop),
            "load",
        );
    }
    assert!(!cache.dir().exists(), "nothing written for a refused hash");
    assert!(!dir.path().join("etc").exists());
}

#[test]
fn the_library_cache_is_the_peaks_folder_beside_the_database() {
    let cache = PeaksCache::for_database(Path::new("/var/lib/hark/hark.db"));
    assert_eq!(cache.dir(), Path::new("/var/lib/hark/peaks"));
    let hash = "0123456789abcdef".repeat(4);
    assert_eq!(
        cache.file_for(&hash).expect("valid"),
        Path::new("/var/lib/hark/peaks").join(format!("{hash}.peaks"))
    );
}
