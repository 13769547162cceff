//! The stored population: delta + LEB128 ids that decode back exactly, and reject anything
//! else without panicking.

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use hark::sampling::{PopulationCodeError, decode_population, encode_population, population_hash};

#[test]
fn random_id_sets_round_trip() {
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    for _ in 0..500 {
        let len = rng.random_range(0..300usize);
        // Gaps from 1 (consecutive ids) to 2^40, so every varint length up to six bytes.
        let max_gap = 1u64 << rng.random_range(0..=40u32);
        let mut id = rng.random_range(0..1000i64);
        let mut ids = Vec::with_capacity(len);
        for _ in 0..len {
            ids.push(id);
            id += rng.random_range(1..=max_gap) as i64;
        }
        let bytes = encode_population(&ids).expect("ascending ids");
        assert_eq!(decode_population(&bytes), Ok(ids));
    }
    let extremes = [0, 1, i64::MAX - 1, i64::MAX];
    let bytes = encode_population(&extremes).expect("encode");
    assert_eq!(decode_population(&bytes), Ok(extremes.to_vec()));
    assert_eq!(decode_population(&[]), Ok(Vec::new()));
}

#[test]
fn encoding_is_gaps_in_leb128() {
    // 1, then +1, then +298 = 0b10_0101010: low seven bits with the continuation bit, then 2.
    assert_eq!(
        encode_population(&[1, 2, 300]),
        Ok(vec![0x01, 0x01, 0xaa, 0x02])
    );
    let consecutive: Vec<i64> = (1000..2000).collect();
    // Ids that follow each other cost a byte each, after the first (1000 takes two).
    assert_eq!(
        encode_population(&consecutive).expect("encode").len(),
        2 + 999
    );
}

#[test]
fn ids_that_are_not_strictly_ascending_and_non_negative_are_refused() {
    assert_eq!(
        encode_population(&[3, 2]),
        Err(PopulationCodeError::NotAscending {
            previous: 3,
            next: 2
        })
    );
    assert_eq!(
        encode_population(&[3, 3]),
        Err(PopulationCodeError::NotAscending {
            previous: 3,
            next: 3
        })
    );
    assert_eq!(
        encode_population(&[-1, 2]),
        Err(PopulationCodeError::NegativeId(-1))
    );
}

#[test]
fn malformed_bytes_are_errors() {
    assert_eq!(
        decode_population(&[0x05, 0x80]),
        Err(PopulationCodeError::Truncated(1))
    );
    assert_eq!(
        decode_population(&[0x81, 0x00]),
        Err(PopulationCodeError::Overlong(0))
    );
    assert_eq!(
        decode_population(&[0x05, 0x00]),
        Err(PopulationCodeError::Repeated(1))
    );
    assert_eq!(
        decode_population(&[0xff; 11]),
        Err(PopulationCodeError::Overflow(0))
    );
    let mut too_big = vec![0xff; 9];
    too_big.push(0x02);
    assert_eq!(
        decode_population(&too_big),
        Err(PopulationCodeError::Overflow(0))
    );
    // Each gap fits, but their sum passes i64::MAX.
    let mut past_max = encode_population(&[i64::MAX]).expect("encode");
    past_max.push(0x01);
    assert_eq!(
        decode_population(&past_max),
        Err(PopulationCodeError::Overflow(9))
    );
}

#[test]
fn random_bytes_never_panic_and_what_decodes_encodes_back_the_same() {
    let mut rng = ChaCha20Rng::seed_from_u64(17);
    let mut decoded = 0;
    for _ in 0..5000 {
        let len = rng.random_range(0..24usize);
        let bytes: Vec<u8> = (0..len).map(|_| rng.random::<u8>()).collect();
        if let Ok(ids) = decode_population(&bytes) {
            decoded += 1;
            // One encoding per population: the hash identifies it.
            assert_eq!(encode_population(&ids), Ok(bytes));
        }
    }
    assert!(decoded > 0, "some random strings are valid populations");
}

#[test]
fn the_hash_is_blake3_hex_of_the_encoding() {
    // BLAKE3 of no bytes, from the BLAKE3 reference test vectors.
    assert_eq!(
        population_hash(&[]),
        "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
    );
    let one = population_hash(&encode_population(&[1, 2, 3]).expect("encode"));
    let other = population_hash(&encode_population(&[1, 2, 4]).expect("encode"));
    assert_eq!(one.len(), 64);
    assert_ne!(one, other);
}
