//! Integrated loudness (ITU-R BS.1770-4 / EBU R 128) from 100 ms sub-blocks of K-weighted mean
//! square. Done here rather than with the `ebur128` crate, which would bring a second `bitflags`
//! into Hark's tree; the gating is a dozen lines and the filters are in `dsp`.

/// Sub-blocks per gating block: 400 ms blocks overlapping by 75 %.
const SUBS_PER_BLOCK: usize = 4;
const ABSOLUTE_GATE_LUFS: f64 = -70.0;
const RELATIVE_GATE_LU: f64 = -10.0;

fn lufs(mean_square: f64) -> f64 {
    -0.691 + 10.0 * mean_square.log10()
}

/// Integrated loudness of a programme whose 100 ms sub-blocks have these mean squares (summed
/// over channels, each weighted 1 as BS.1770 weights left and right). `None` when no block
/// passes the gates: silence, or shorter than 400 ms.
pub fn integrated(sub_blocks: &[f64]) -> Option<f64> {
    let blocks: Vec<f64> = sub_blocks
        .windows(SUBS_PER_BLOCK)
        .map(|w| w.iter().sum::<f64>() / SUBS_PER_BLOCK as f64)
        .filter(|&z| z > 0.0 && lufs(z) > ABSOLUTE_GATE_LUFS)
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let relative = lufs(blocks.iter().sum::<f64>() / blocks.len() as f64) + RELATIVE_GATE_LU;
    let gated: Vec<f64> = blocks.into_iter().filter(|&z| lufs(z) > relative).collect();
    if gated.is_empty() {
        return None;
    }
    Some(lufs(gated.iter().sum::<f64>() / gated.len() as f64))
}
