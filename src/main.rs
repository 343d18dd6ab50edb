fn main() {
    #[cfg(target_arch = "wasm32")]
    autodiag37101::start();
}
