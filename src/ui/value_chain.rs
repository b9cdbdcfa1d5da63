//! The value chain, as the 2018 gap map draws it: the roadmap's stages across (細胞保存 → 細胞加工
//! → …), the gap categories down (法規制, 人材・システム・インフラ, 推進・体制・財源, any other,
//! then the uncategorised), and in each cell the gaps placed there, each with the measures
//! answering it. Gaps at no stage stand in a last column.
//!
//! The grid comes from [`crate::analysis::value_chain`]. A category's band is drawn as lines, the
//! n-th gap of each of its cells on its n-th line, so that a gap across the whole chain lines up
//! from stage to stage; only the lines in view are drawn, at heights kept in egui memory for the
//! derived data's generation and the column widths. What the filter leaves out is drawn weak; a
//! gap an editor placed (its category and stages not stated by the source) has a dashed outline
//! and says so in words.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{
    Align, Color32, Id, Layout, Margin, RichText, Shape, Stroke, TextStyle, TextWrapMode, Ui,
    WidgetText,
};
use egui_extras::{Column, TableBuilder};

use super::matrix::{text_height, wrap};
use super::rows::{self, Stack, link_height};
use super::{ViewCtx, item_link};
use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::value_chain::{ChainColumn, ChainRow, value_chain};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance};

/// Characters of a gap's or a measure's text shown in a cell (the whole text is on hover and in
/// the inspector).
const LABEL_CHARS: usize = 40;
/// The narrowest a stage column starts.
const STAGE_MIN_WIDTH: f32 = 150.0;
/// The narrowest the category column starts.
const BAND_MIN_WIDTH: f32 = 110.0;
/// Space inside a gap's outline, and its outline's width.
const ENTRY_MARGIN: f32 = 4.0;
const ENTRY_STROKE: f32 = 1.0;
/// How far the measures stand in from their gap.
const MEASURE_INDENT: f32 = 10.0;
/// Space below each line of a band.
const LINE_GAP: f32 = 4.0;

/// What the view shows, gathered once per generation of the derived data.
struct Grid {
    /// Whether the roadmap has value-chain stages at all.
    has_stages: bool,
    /// The column titles after the category column: a stage (selectable), or "no stage".
    columns: Vec<(Option<ItemRef>, String)>,
    /// The title of each category's band.
    bands: Vec<String>,
    /// Every gap in the grid, once.
    entries: Vec<Entry>,
    /// The table's lines, band after band.
    lines: Vec<Line>,
}

/// A gap with the measures answering it, as a cell shows it.
struct Entry {
    gap: ItemRef,
    /// Tag and the start of the text.
    label: String,
    /// The whole text, on hover.
    whole: String,
    /// Set when an editor placed it: the words saying so.
    placement: Option<String>,
    /// The measures answering it: short label and whole text.
    measures: Vec<(ItemRef, String, String)>,
}

/// A line of a band: for each column, the gap drawn there (an index into [`Grid::entries`]).
struct Line {
    band: usize,
    first_of_band: bool,
    cells: Vec<Option<usize>>,
}

impl Grid {
    fn new(ctx: &ViewCtx<'_>) -> Self {
        let chain = value_chain(ctx.roadmap, ctx.index);
        let columns = chain
            .columns
            .iter()
            .map(|c| match c {
                ChainColumn::Stage(id) => {
                    let stage = ItemRef::Stage(id.clone());
                    let text = labels::text(ctx.roadmap, &stage, ctx.lang);
                    (Some(stage), text)
                }
                ChainColumn::NoStage => (None, ctx.t("段階なし", "No stage").to_owned()),
            })
            .collect();
        let bands = chain
            .rows
            .iter()
            .map(|r| match r {
                ChainRow::Category(c) => match ctx.lang {
                    Lang::Ja => c.label_ja(),
                    Lang::En => c.label_en(),
                }
                .to_owned(),
                ChainRow::Uncategorised => ctx.t("分類なし", "Uncategorised").to_owned(),
            })
            .collect();
        let mut entries: Vec<Entry> = Vec::new();
        let mut entry_of: HashMap<ItemRef, usize> = HashMap::new();
        let mut lines = Vec::new();
        for band in 0..chain.rows.len() {
            let count = (0..chain.columns.len())
                .map(|c| chain.cell(band, c).len())
                .max()
                .unwrap_or(0);
            // A band with no gap still shows its title, on one empty line.
            for n in 0..count.max(1) {
                let cells = (0..chain.columns.len())
                    .map(|c| {
                        let placed = chain.cell(band, c).get(n)?;
                        let i = *entry_of.entry(placed.gap.clone()).or_insert_with(|| {
                            entries.push(Entry::new(
                                ctx,
                                &placed.gap,
                                &placed.measures,
                                placed.placement,
                            ));
                            entries.len() - 1
                        });
                        Some(i)
                    })
                    .collect();
                lines.push(Line {
                    band,
                    first_of_band: n == 0,
                    cells,
                });
            }
        }
        Self {
            has_stages: chain.has_stages(),
            columns,
            bands,
            entries,
            lines,
        }
    }
}

impl Entry {
    fn new(ctx: &ViewCtx<'_>, gap: &ItemRef, measures: &[ItemRef], placement: Provenance) -> Self {
        let short = |item: &ItemRef| labels::short(ctx.roadmap, item, ctx.lang, LABEL_CHARS);
        let whole = |item: &ItemRef| labels::text(ctx.roadmap, item, ctx.lang);
        Self {
            gap: gap.clone(),
            label: short(gap),
            whole: whole(gap),
            placement: (placement != Provenance::Stated).then(|| match ctx.lang {
                Lang::Ja => format!("配置：{}", placement.label_ja()),
                Lang::En => format!("Placement: {}", placement.label_en()),
            }),
            measures: measures
                .iter()
                .map(|m| (m.clone(), short(m), whole(m)))
                .collect(),
        }
    }
}

/// Shows the value-chain grid, or why there is none.
pub fn value_chain_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("バリューチェーン", "Value chain"));
    let grid: Arc<Grid> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-value-chain"),
        ctx.generation,
        || Grid::new(ctx),
    );
    if !grid.has_stages {
        ui.label(ctx.t(
            "このロードマップにはバリューチェーンの段階が定義されていません。",
            "This roadmap defines no value-chain stages.",
        ));
        return;
    }
    legend_ui(ui, ctx);
    let titles: Vec<&str> = std::iter::once(ctx.t("分類", "Category"))
        .chain(grid.columns.iter().map(|(_, t)| t.as_str()))
        .collect();
    let least = least_widths(ui, ctx, &grid, &titles);
    let stages = grid.columns.len();
    let spacing = ui.spacing().item_spacing.x;
    let band_width = BAND_MIN_WIDTH.max(least[0]);
    let share = (ui.available_width() - band_width) / stages as f32 - spacing;
    let mut initial = vec![band_width];
    initial.extend(
        least[1..]
            .iter()
            .map(|l| share.max(STAGE_MIN_WIDTH).max(*l)),
    );
    let header_widths = rows::HeaderWidths::load(ui, Id::unique("waymark-value-chain-widths"));
    let header_h = header_height(ui, &titles, header_widths.or(&initial));
    // Sideways scrolling when the stages need more room than the view has.
    egui::ScrollArea::horizontal()
        .id_salt("value-chain-across")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("value-chain")
                .striped(false)
                .resizable(true)
                .cell_layout(Layout::top_down(Align::Min));
            for (width, least) in initial.iter().zip(least.iter()) {
                table = table.column(Column::initial(*width).at_least(*least).clip(true));
            }
            table
                .header(header_h, |mut header| {
                    header.col(|ui| {
                        wrap(ui);
                        ui.strong(titles[0]);
                    });
                    for (stage, title) in &grid.columns {
                        header.col(|ui| {
                            wrap(ui);
                            match stage {
                                Some(stage) => {
                                    item_ui(ui, ctx, stage, title, None, actions);
                                }
                                None => {
                                    ui.strong(title);
                                }
                            }
                        });
                    }
                })
                .body(|mut body| {
                    let widths = body.widths().to_vec();
                    let ui = body.ui_mut();
                    header_widths.update(ui, &widths, header_h, |w| header_height(ui, &titles, w));
                    let heights = rows::table_heights(
                        ui,
                        Id::unique("waymark-value-chain-heights"),
                        ctx.generation,
                        &widths,
                        grid.lines.len(),
                        |i| {
                            grid.lines
                                .get(i)
                                .map_or(0.0, |line| line_height(ui, &grid, line, &widths))
                        },
                    );
                    body.heterogeneous_rows(heights.iter().copied(), |mut row| {
                        let Some(line) = grid.lines.get(row.index()) else {
                            return;
                        };
                        row.set_overline(line.first_of_band && line.band > 0);
                        row.col(|ui| {
                            band_fill(ui, line.band);
                            wrap(ui);
                            // The title again, faint, on the band's further lines: a long
                            // band can fill the view.
                            let title = &grid.bands[line.band];
                            if line.first_of_band {
                                ui.strong(title);
                            } else {
                                ui.label(RichText::new(title).weak());
                            }
                        });
                        for cell in &line.cells {
                            row.col(|ui| {
                                band_fill(ui, line.band);
                                if let Some(entry) = cell.and_then(|i| grid.entries.get(i)) {
                                    entry_ui(ui, ctx, entry, actions);
                                }
                            });
                        }
                    });
                });
        });
}

/// What the marks mean.
fn legend_ui(ui: &mut Ui, ctx: &ViewCtx<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(ctx.t(
                "各段階・分類のギャップと、その下に対応する施策。点線の枠は出典に明記がなく編集者が判断した配置、薄い表示はフィルタで非表示の項目。",
                "Each stage's and category's gaps, with the measures answering them below. A dashed outline marks a placement an editor judged (the source does not state it); faint items are hidden by the filter.",
            ))
            .weak(),
        );
    });
}

/// Shades every other band, so that a band's lines read as one row of the gap map.
fn band_fill(ui: &Ui, band: usize) {
    if band % 2 == 1 {
        ui.painter()
            .rect_filled(ui.max_rect(), 0.0, ui.visuals().faint_bg_color);
    }
}

/// Whether `item` is drawn weak: the filter leaves it out, or it is away from the selection.
fn faint(ctx: &ViewCtx<'_>, item: &ItemRef) -> bool {
    !ctx.visible.contains(item) || ctx.is_dimmed(item)
}

/// An item, selectable, drawn weak when the filter leaves it out or it is away from the
/// selection, with its whole text on hover.
fn item_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    text: &str,
    whole: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let mut text = RichText::new(text);
    if faint(ctx, item) {
        text = text.weak();
    }
    let response = item_link(ui, ctx, item, text, actions);
    if let Some(whole) = whole {
        response.on_hover_text(whole);
    }
}

/// A gap in its outline: dashed when an editor placed it, in the selection colour when selected.
fn entry_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, e: &Entry, actions: &mut Vec<Action>) {
    wrap(ui);
    let color = if ctx.is_selected(&e.gap) {
        ui.visuals().selection.stroke.color
    } else if e.placement.is_some() {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke.color
    };
    let dashed = e.placement.is_some();
    let frame = egui::Frame::new()
        .inner_margin(ENTRY_MARGIN)
        .corner_radius(3.0)
        .stroke(Stroke::new(
            ENTRY_STROKE,
            if dashed { Color32::TRANSPARENT } else { color },
        ));
    let rect = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            item_ui(ui, ctx, &e.gap, &e.label, Some(&e.whole), actions);
            if let Some(placement) = &e.placement {
                let mut tag = RichText::new(placement).small();
                if faint(ctx, &e.gap) {
                    tag = tag.weak();
                }
                ui.label(tag).on_hover_text(ctx.t(
                    "分類と段階は出典に明記されておらず、編集者が判断して配置しました。",
                    "The source does not state the category and stages: an editor placed the gap.",
                ));
            }
            if !e.measures.is_empty() {
                measures_ui(ui, ctx, e, actions);
            }
        })
        .response
        .rect;
    if dashed {
        let r = rect.shrink(ENTRY_STROKE / 2.0);
        let corners = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        ui.painter().extend(Shape::dashed_line(
            &corners,
            Stroke::new(ENTRY_STROKE, color),
            4.0,
            3.0,
        ));
    }
}

/// The measures answering a gap, stood in under it with a line down their left.
fn measures_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, e: &Entry, actions: &mut Vec<Action>) {
    let margin = Margin {
        left: MEASURE_INDENT as i8,
        ..Margin::ZERO
    };
    let rect = egui::Frame::new()
        .inner_margin(margin)
        .show(ui, |ui| {
            for (m, label, whole) in &e.measures {
                item_ui(ui, ctx, m, label, Some(whole), actions);
            }
        })
        .response
        .rect;
    let x = rect.left() + MEASURE_INDENT / 2.0 - 1.0;
    ui.painter().vline(
        x,
        rect.y_range(),
        Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
    );
}

/// Height of [`entry_ui`] for `e` in a cell `width` wide.
fn entry_height(ui: &Ui, e: &Entry, width: f32) -> f32 {
    let edge = ENTRY_MARGIN + ENTRY_STROKE;
    let inner = width - 2.0 * edge;
    let mut h = Stack::new(ui);
    h.add(link_height(ui, &e.label, inner));
    if let Some(placement) = &e.placement {
        h.add(small_text_height(ui, placement, inner));
    }
    if !e.measures.is_empty() {
        let mut list = Stack::new(ui);
        for (_, label, _) in &e.measures {
            list.add(link_height(ui, label, inner - MEASURE_INDENT));
        }
        h.add(list.height());
    }
    h.height() + 2.0 * edge
}

/// Height of a line: its tallest cell, and the band's title.
fn line_height(ui: &Ui, grid: &Grid, line: &Line, widths: &[f32]) -> f32 {
    let w = widths.first().copied().unwrap_or(BAND_MIN_WIDTH);
    let mut h = text_height(ui, &grid.bands[line.band], w);
    for (cell, width) in line.cells.iter().zip(widths.iter().skip(1)) {
        if let Some(e) = cell.and_then(|i| grid.entries.get(i)) {
            h = h.max(entry_height(ui, e, *width));
        }
    }
    h + LINE_GAP
}

/// Height of the header: the tallest title wrapped at its column's width (stage titles are
/// links).
fn header_height(ui: &Ui, titles: &[&str], widths: &[f32]) -> f32 {
    titles
        .iter()
        .zip(widths)
        .map(|(title, width)| link_height(ui, title, *width) + 4.0)
        .fold(22.0, f32::max)
}

/// Height of small text wrapped at `width`.
fn small_text_height(ui: &Ui, text: &str, width: f32) -> f32 {
    WidgetText::from(RichText::new(text).small())
        .into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Small)
        .size()
        .y
}

/// The least width of each column: room for the longest word of its title (and, for the category
/// column, of each band's title), so that titles wrap between words and are never cut. Japanese
/// text may wrap between any two characters. Kept in egui memory for the derived data's
/// generation and the pixel density.
fn least_widths(ui: &Ui, ctx: &ViewCtx<'_>, grid: &Grid, titles: &[&str]) -> Arc<Vec<f32>> {
    let key = rows::hash((ctx.generation, ui.ctx().pixels_per_point().to_bits()));
    rows::cached(
        ui.ctx(),
        Id::unique("waymark-value-chain-least"),
        key,
        || {
            let pad = 2.0 * ui.spacing().button_padding.x + 2.0;
            let mut out: Vec<f32> = titles.iter().map(|t| longest_word(ui, t) + pad).collect();
            if let Some(first) = out.first_mut() {
                for band in &grid.bands {
                    *first = first.max(longest_word(ui, band) + 2.0);
                }
            }
            out.iter().map(|w| w.ceil()).collect()
        },
    )
}

/// Width of the widest run of `text` that a line cannot break inside: a word, or a run of
/// Latin letters between Japanese characters.
fn longest_word(ui: &Ui, text: &str) -> f32 {
    text.split(|c: char| c.is_whitespace() || breaks_anywhere(c))
        .map(|word| {
            WidgetText::from(RichText::new(word).strong())
                .into_galley(
                    ui,
                    Some(TextWrapMode::Extend),
                    f32::INFINITY,
                    TextStyle::Body,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max)
}

/// Whether a line may break before or after `c`: Japanese and Chinese characters and kana, and
/// the full-width forms.
fn breaks_anywhere(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FFEF}'
    )
}
