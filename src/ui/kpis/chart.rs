//! What the KPI and budget charts share: a legend in a row of its own above the chart, and axes
//! with readable ticks.

use egui::{Color32, RichText, TextStyle, Ui};
use egui_plot::AxisHints;

/// How a legend entry marks its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Swatch {
    /// A filled square (bars).
    Bar,
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
}

/// A chart's legend as a row of its own (wrapping when long): each series' swatch and name.
/// Returns the height it took.
pub(crate) fn legend_ui(ui: &mut Ui, entries: &[(String, Color32, Swatch)]) -> f32 {
    let top = ui.cursor().top();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let left = ui.cursor().left();
        for (name, color, swatch) in entries {
            // Swatch and name start a new line together when they do not fit on this one.
            let text = RichText::new(name).small();
            let width = SWATCH_W
                + ui.spacing().item_spacing.x
                + egui::WidgetText::from(text.clone())
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        TextStyle::Small,
                    )
                    .size()
                    .x;
            if ui.cursor().left() > left + 1.0 && ui.available_width() < width {
                ui.end_row();
            }
            // One piece no wider than the line, the name cut when even a line of its own is
            // too narrow for it.
            let size = egui::vec2(
                width.min(ui.available_width()),
                ui.text_style_height(&TextStyle::Small),
            );
            ui.allocate_ui_with_layout(
                size,
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    swatch_ui(ui, *color, *swatch);
                    ui.add(egui::Label::new(text).truncate());
                },
            );
            ui.add_space(6.0);
        }
    });
    ui.cursor().top() - top
}

/// The width of a legend entry's swatch.
const SWATCH_W: f32 = 14.0;

/// A legend entry's swatch: a square for bars, a line for lines.
fn swatch_ui(ui: &mut Ui, color: Color32, swatch: Swatch) {
    let h = ui.text_style_height(&TextStyle::Small);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(SWATCH_W, h), egui::Sense::hover());
    let painter = ui.painter();
    let mid = rect.left_center();
    match swatch {
        Swatch::Bar => {
            painter.rect_filled(
                egui::Rect::from_center_size(rect.center(), egui::vec2(9.0, 9.0)),
                1.0,
                color,
            );
        }
        Swatch::Line => {
            painter.line_segment(
                [mid, mid + egui::vec2(SWATCH_W, 0.0)],
                egui::Stroke::new(2.0, color),
            );
        }
        Swatch::Dashed => {
            for x in [0.0, 6.0, 12.0] {
                let from = mid + egui::vec2(x, 0.0);
                painter.line_segment(
                    [from, from + egui::vec2(3.0, 0.0)],
                    egui::Stroke::new(1.5, color),
                );
            }
        }
    }
}

/// Grid lines every year, with every other year and every tenth as the coarser steps, so that a
/// narrow chart still labels more than one year.
pub(crate) fn year_spacer() -> Box<dyn Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark>> {
    egui_plot::uniform_grid_spacer(|_| [1.0, 2.0, 10.0])
}

/// Grid lines at steps of 1, 2 or 5 times a power of ten: a short chart labels several values.
pub(crate) fn value_spacer() -> Box<dyn Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark>> {
    egui_plot::uniform_grid_spacer(|input| {
        // Coarser steps are multiples of the finer, so that no label falls between.
        let small = nice_step(input.base_step_size);
        [small, small * 5.0, small * 10.0]
    })
}

/// The least of 1, 2 and 5 times a power of ten that is at least `at_least`.
fn nice_step(at_least: f64) -> f64 {
    if !(at_least.is_finite() && at_least > 0.0) {
        return 1.0;
    }
    let power = 10_f64.powf(at_least.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= at_least)
        .unwrap_or(10.0 * power)
}

/// The fiscal-year axis of a chart, its years written with `prefix` ("FY").
pub(crate) fn year_axis(title: &str, prefix: &'static str) -> AxisHints<'static> {
    AxisHints::new_x()
        .label(title.to_owned())
        .label_spacing(36.0..=50.0)
        .formatter(move |mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{prefix}{}", mark.value)
            } else {
                String::new()
            }
        })
}

/// The value axis of a chart, with ticks close enough that a short chart shows several.
pub(crate) fn value_axis(title: &str) -> AxisHints<'static> {
    AxisHints::new_y()
        .label(title.to_owned())
        .label_spacing(14.0..=24.0)
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert!((nice_step(0.7) - 1.0).abs() < 1e-12);
        assert!((nice_step(1.0) - 1.0).abs() < 1e-12);
        assert!((nice_step(1.2) - 2.0).abs() < 1e-12);
        assert!((nice_step(3.0) - 5.0).abs() < 1e-12);
        assert!((nice_step(7.0) - 10.0).abs() < 1e-12);
        assert!((nice_step(130.0) - 200.0).abs() < 1e-9);
        assert!((nice_step(0.0) - 1.0).abs() < 1e-12);
    }
}
