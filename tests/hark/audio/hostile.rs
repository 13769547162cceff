//! Bad input gets a typed error naming the file and the reason: never a panic.

use hark::audio::{self, AudioError};

use super::fixtures;

fn fixture(name: &str) -> std::path::PathBuf {
    fixtures::all()
        .iter()
        .find(|f| f.path.file_name().is_some_and(|n| n == name))
        .map(|f| f.path.clone())
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

/// Decodes everything that can be decoded; errors are fine, panics are not.
fn decode_all(path: &std::path::Path) -> Result<usize, AudioError> {
    let mut decoder = audio::open(path)?;
    let mut samples = 0;
    while let Some(chunk) = decoder.read()? {
        samples += chunk.len();
    }
    Ok(samples)
}

#[test]
fn zero_bytes_text_and_junk_are_named_with_their_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = dir.path().join("empty.wav");
    std::fs::write(&empty, b"").expect("write");
    let text = dir.path().join("readme.wav");
    std::fs::write(
        &text,
        "This is a text file pretending to be a recording.\n".repeat(50),
    )
    .expect("write");
    let junk = dir.path().join("junk.mp3");
    std::fs::write(
        &junk,
        (0..40_000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .expect("write");

    let error = audio::probe(&empty).expect_err("empty");
    assert!(matches!(error, AudioError::Empty { .. }));
    assert!(error.to_string().contains("empty.wav") && error.to_string().contains("0 bytes"));

    let error = audio::probe(&text).expect_err("text");
    assert!(error.to_string().contains("readme.wav"), "{error}");
    assert!(matches!(error, AudioError::NotAudio { .. }), "{error:?}");

    // Random bytes may or may not contain something that looks like an MPEG frame sync; what
    // matters is a clear error or a result, never a panic, for probing and decoding alike.
    match audio::probe(&junk) {
        Ok(_) => {
            let _ = decode_all(&junk);
        }
        Err(error) => assert!(error.to_string().contains("junk.mp3"), "{error}"),
    }
    let missing = dir.path().join("not-there.wav");
    let error = audio::probe(&missing).expect_err("missing");
    assert!(
        error.to_string().contains("not-there.wav") && error.to_string().contains("cannot open")
    );
}

#[test]
fn a_wav_header_claiming_4_gb_is_reported_as_truncated_with_the_byte() {
    let source = std::fs::read(fixture("s16-8000-1.wav")).expect("read");
    let mut forged = source.clone();
    // The data chunk's size field: claim 0xFFFFFFF0 bytes.
    let data = forged
        .windows(4)
        .position(|w| w == b"data")
        .expect("data chunk");
    forged[data + 4..data + 8].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("forged 4GB.wav");
    std::fs::write(&path, &forged).expect("write");
    let error = audio::probe(&path).expect_err("forged header");
    match &error {
        AudioError::Truncated {
            at_byte,
            expected_bytes,
            ..
        } => {
            assert_eq!(*at_byte, forged.len() as u64);
            assert_eq!(*expected_bytes, 0xFFFF_FFF0);
        }
        other => panic!("expected Truncated, got {other:?}"),
    }
    assert!(error.to_string().contains("forged 4GB.wav"), "{error}");
    assert!(
        error
            .to_string()
            .contains(&format!("truncated at byte {}", forged.len())),
        "{error}"
    );
}

#[test]
fn truncated_files_of_every_format_never_panic() {
    let dir = tempfile::tempdir().expect("dir");
    for fixture in fixtures::all()
        .iter()
        .filter(|f| f.rate == 8000 && f.channels == 2)
    {
        let bytes = std::fs::read(&fixture.path).expect("read");
        for cut in [12, 60, 500, bytes.len() / 3, bytes.len() - 7] {
            let name = format!(
                "cut-{cut}-{}",
                fixture
                    .path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("x")
            );
            let path = dir.path().join(&name);
            std::fs::write(&path, &bytes[..cut.min(bytes.len())]).expect("write");
            match decode_all(&path) {
                Ok(samples) => assert!(samples <= 12 * 8000 * 2 + 4096, "{name}: {samples}"),
                Err(error) => assert!(error.to_string().contains(&name), "{name}: {error}"),
            }
        }
    }
}
