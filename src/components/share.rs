//! "Share by link or QR code": the assessment in the address itself, compressed, with no server.

use yew::prelude::*;

use super::export_button;
use crate::hooks::use_app;
use crate::i18n::fill;
use crate::share::{TooLong, QR_MAX_BYTES};

/// The link's QR code, or `None` when the link is too long for one: its bytes in one byte-mode
/// segment, in the smallest version that holds them, medium error correction where it fits, low
/// for the longest links.
pub fn qr_code(link: &str) -> Option<QrModules> {
    use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
    let segments = [QrSegment::make_bytes(link.as_bytes())];
    let encode = |ecc| {
        QrCode::encode_segments_advanced(&segments, ecc, Version::MIN, Version::MAX, None, false)
    };
    let code = encode(QrCodeEcc::Medium)
        .or_else(|_| encode(QrCodeEcc::Low))
        .ok()?;
    let side = code.size();
    Some(QrModules {
        width: side as usize,
        dark: (0..side * side)
            .map(|i| code.get_module(i % side, i / side))
            .collect(),
    })
}

/// A QR code's module matrix: `width` × `width` modules, row by row, true for a dark one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The light margin the QR standard asks around the code, in modules.
const QUIET_ZONE: usize = 4;

impl QrModules {
    /// One path for every dark module (a 1 × 1 square in module units, the quiet zone added), so
    /// the code is built as elements rather than parsed from markup.
    pub fn path(&self) -> String {
        use std::fmt::Write;
        let mut d = String::with_capacity(self.dark.len() * 6);
        for (i, _) in self.dark.iter().enumerate().filter(|(_, &dark)| dark) {
            let (x, y) = (i % self.width + QUIET_ZONE, i / self.width + QUIET_ZONE);
            let _ = write!(d, "M{x} {y}h1v1h-1z");
        }
        d
    }

    /// The SVG: a light square with the dark modules over it, 4 px a module.
    pub fn view(&self, label: &'static str) -> Html {
        let side = (self.width + 2 * QUIET_ZONE).to_string();
        let px = ((self.width + 2 * QUIET_ZONE) * 4).to_string();
        html! {
            <svg viewBox={format!("0 0 {side} {side}")}
                width={px.clone()} height={px} shape-rendering="crispEdges" role="img" aria-label={label}>
                <rect width={side.clone()} height={side} fill="#fff" />
                <path d={self.path()} fill="#000" />
            </svg>
        }
    }
}

#[component]
pub fn SharePanel() -> Html {
    let app = use_app();
    let ui = app.ui();
    let t = &ui.share;
    let open = use_state(|| false);
    let with_notes = use_state(|| false);
    let link = use_state(|| None::<Result<String, TooLong>>);
    let copied = use_state(|| false);
    let current = app.open().cloned();
    {
        let link = link.clone();
        let namespace = app.store.namespace().to_string();
        let key = (
            *open,
            *with_notes,
            current.as_ref().map(|a| (a.id.clone(), a.revision)),
        );
        use_effect_with(key, move |(open, with_notes, _)| {
            link.set(None);
            if let (true, Some(a)) = (*open, current) {
                let a = if *with_notes {
                    a
                } else {
                    crate::share::answers_only(&a)
                };
                let json = crate::format::export_answers(&a);
                let done = Callback::from(move |made| link.set(Some(made)));
                crate::web::tasks::make_share_link(json, namespace.to_string(), done);
            }
        });
    }
    let Some(a) = app.open() else {
        return Html::default();
    };
    if !*open {
        return html! {
            <div class="share no-print">
                <button type="button" class="button" onclick={move |_| open.set(true)}>{ t.button }</button>
            </div>
        };
    }
    let notes_id = app.id("share-notes");
    let link_id = app.id("share-link");
    let toggle = {
        let with_notes = with_notes.clone();
        move |_| with_notes.set(!*with_notes)
    };
    let body = link.as_ref().map(|l| {
        let l = match l {
            Ok(l) => l,
            // Opening a link this long would be refused: only the file can carry it.
            Err(TooLong(bytes)) => {
                return html! {
                    <div class="notice notice-info">
                        <p>{ fill(t.too_long_for_link, &[&bytes.to_string()]) }</p>
                        { export_button(&app, &a.id) }
                    </div>
                }
            }
        };
        let copy = {
            let (l, copied) = (l.clone(), copied.clone());
            Callback::from(move |_| {
                let copied = copied.clone();
                let done = Callback::from(move |ok| copied.set(ok));
                crate::web::tasks::copy_to_clipboard(l.clone(), done);
            })
        };
        let qr = (l.len() <= QR_MAX_BYTES).then(|| qr_code(l)).flatten();
        html! {
            <>
                <div class="field">
                    <label for={link_id.clone()}>{ t.link_label }</label>
                    <input id={link_id.clone()} type="text" readonly=true value={l.clone()} class="share-link" />
                </div>
                <p>
                    <button type="button" class="button" onclick={copy}>{ t.copy }</button>
                    <span role="status" class="copied">{ if *copied { t.copied } else { "" } }</span>
                </p>
                if let Some(qr) = qr {
                    <div class="qr">{ qr.view(t.qr_label) }</div>
                } else {
                    <div class="notice notice-info">
                        <p>{ fill(t.too_long, &[&l.len().to_string()]) }</p>
                        { export_button(&app, &a.id) }
                    </div>
                }
            </>
        }
    });
    html! {
        <section class="panel share no-print" aria-labelledby={app.id("share-title")}>
            <h2 id={app.id("share-title")}>{ t.heading }</h2>
            <p>{ t.intro }</p>
            <div class="check">
                <input id={notes_id.clone()} type="checkbox" checked={*with_notes} onchange={toggle} />
                <label for={notes_id}>{ t.with_notes }</label>
            </div>
            { for body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_path_draws_each_dark_module_once_inside_the_quiet_zone() {
        let qr = qr_code("https://mairie.example/autodiag/#share=1.aGVsbG8").unwrap();
        let dark = qr.dark.iter().filter(|&&d| d).count();
        assert_eq!(qr.dark.len(), qr.width * qr.width);
        let path = qr.path();
        let squares: Vec<(usize, usize)> = path
            .split('M')
            .skip(1)
            .map(|s| {
                let s = s.strip_suffix("h1v1h-1z").unwrap();
                let (x, y) = s.split_once(' ').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(squares.len(), dark);
        for (x, y) in squares {
            assert!((QUIET_ZONE..QUIET_ZONE + qr.width).contains(&x));
            assert!((QUIET_ZONE..QUIET_ZONE + qr.width).contains(&y));
            assert!(qr.dark[(y - QUIET_ZONE) * qr.width + x - QUIET_ZONE]);
        }
        // The three finder patterns' corners are dark.
        assert!(qr.dark[0] && qr.dark[qr.width - 1] && qr.dark[qr.width * (qr.width - 1)]);
        assert!(
            qr_code(&"x".repeat(4000)).is_none(),
            "too long for any QR code"
        );
    }

    /// Reads a code back with an independent decoder: its text, version and error correction
    /// level (the format's bits: 0 for medium, 1 for low).
    fn read_back(qr: &QrModules) -> (String, usize, u16) {
        let w = qr.width;
        let grid = rqrr::SimpleGrid::from_func(w, |x, y| qr.dark[y * w + x]);
        let (meta, text) = rqrr::Grid::new(grid).decode().expect("a readable QR code");
        (text, meta.version.0, meta.ecc_level)
    }

    /// A link of `len` bytes as the app makes them: an address, then the fragment.
    fn link(len: usize) -> String {
        let mut l = "https://mairie.example/autodiag/#share=1.".to_string();
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        l.extend((0..len - l.len()).map(|i| char::from(alphabet[i * 7 % 64])));
        l
    }

    #[test]
    fn the_qr_code_reads_back_as_the_link_at_medium_then_low_correction() {
        // (length, version, level): the smallest version that holds the bytes, medium
        // correction up to version 40's 2,331 bytes, low up to its 2,953.
        for (len, version, level) in [
            (60, 4, 0),
            (400, 15, 0),
            (2331, 40, 0),
            (2332, 36, 1),
            (QR_MAX_BYTES, 40, 1),
        ] {
            let l = link(len);
            let qr = qr_code(&l).unwrap();
            assert_eq!(qr.width, 17 + 4 * version, "{len} bytes");
            assert_eq!(read_back(&qr), (l, version, level), "{len} bytes");
        }
        assert!(qr_code(&link(QR_MAX_BYTES + 1)).is_none());
    }

    #[test]
    fn the_drawn_qr_code_scans_with_its_quiet_zone() {
        let l = link(300);
        let qr = qr_code(&l).unwrap();
        // The SVG's path, rasterised at 3 px a module over the light square.
        let side = qr.width + 2 * QUIET_ZONE;
        let mut dark = vec![false; side * side];
        for s in qr.path().split('M').skip(1) {
            let (x, y) = s.strip_suffix("h1v1h-1z").unwrap().split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            dark[y * side + x] = true;
        }
        let px = 3 * side;
        let mut image =
            rqrr::PreparedImage::prepare_from_bitmap(px, px, |x, y| dark[y / 3 * side + x / 3]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, l);
    }
}
