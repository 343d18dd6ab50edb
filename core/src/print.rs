//! The page-level style sheet a printed report gets: the A4 page, its footer and page numbers,
//! and for an embedded widget the rules that print it alone. Pure text: the app adopts it while
//! printing (`src/web/platform.rs`).

/// The attribute that marks, for the time of printing, the host element of the widget to print.
pub const PRINT_MARK: &str = "data-autodiag-printing";

/// What an embedded widget adds while it prints: nothing of the host page but the path down to
/// the widget, each ancestor stripped of its layout so the report gets the full page width.
const PRINT_ALONE: &str = "body :not([data-autodiag-printing]):not(:has([data-autodiag-printing])){display:none!important}\
:has([data-autodiag-printing]),[data-autodiag-printing]{display:block!important;\
position:static!important;float:none!important;width:auto!important;max-width:none!important;\
height:auto!important;min-height:0!important;margin:0!important;padding:0!important;\
border:0!important;box-shadow:none!important;background:#fff!important;overflow:visible!important;\
transform:none!important;columns:auto!important}";

/// The page-level sheet adopted by the document between the click on "Print" and `afterprint`
/// (so the host's own printing is never changed): the A4 page, with `footer` and the page number
/// in its bottom margin on every page, and, for an embedded widget, `PRINT_ALONE`.
///
/// No `@media print` needed: it is only there while printing. Page margin boxes, unlike the
/// `position: fixed` footer they replace, repeat on every page whatever the host page's layout.
pub fn print_sheet(footer: &str, alone: bool) -> String {
    let text: String = footer
        .chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect();
    let margin = "font:8pt system-ui,sans-serif;color:#4a5561";
    format!(
        "@page{{size:A4;margin:14mm 14mm 18mm;\
         @bottom-left{{content:\"{text}\";{margin}}}\
         @bottom-right{{content:counter(page) \" / \" counter(pages);width:20mm;white-space:nowrap;{margin}}}}}{}",
        if alone { PRINT_ALONE } else { "" }
    )
}
