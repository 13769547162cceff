//! The codecs Hark decodes: symphonia's own, plus Opus through libopus (symphonia has none).
//! GSM 6.10 is decoded by Hark itself (see `gsm610`), outside this registry.

use std::sync::LazyLock;

use symphonia::core::codecs::registry::CodecRegistry;

static REGISTRY: LazyLock<CodecRegistry> = LazyLock::new(|| {
    let mut registry = CodecRegistry::new();
    symphonia::default::register_enabled_codecs(&mut registry);
    registry.register_audio_decoder::<symphonia_adapter_libopus::OpusDecoder>();
    registry
});

pub fn registry() -> &'static CodecRegistry {
    &REGISTRY
}
