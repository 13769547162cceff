//! Waveform peaks and their cache.
