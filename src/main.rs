fn main() {
    // The wasm entry point; natively (the prerender's host build) there is nothing to mount.
    #[cfg(target_arch = "wasm32")]
    autodiag37101::mount::start();
}
