//! The import is the product's only door for outside data: whatever the bytes, it returns a typed
//! error or an assessment, never panics, and what it accepts exports and re-imports unchanged.
#![no_main]

use autodiag_core::format::{export, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = import(data) {
        let again = import(export(&a).as_bytes()).expect("an export must import");
        assert_eq!(again, a, "export then import changes nothing");
    }
});
