//! The overview: the roadmap's title and how many items of each kind it holds.

use crate::model::Roadmap;

/// Shows the roadmap's title, file and item counts.
pub fn overview_ui(ui: &mut egui::Ui, roadmap: &Roadmap) {
    let it = &roadmap.items;
    ui.heading(&roadmap.header.title);
    if let Some(en) = &roadmap.header.title_en {
        ui.label(en);
    }
    ui.label(format!(
        "FY{}-FY{}",
        roadmap.header.start_fy, roadmap.header.end_fy
    ));
    ui.separator();
    egui::Grid::new("overview-counts")
        .striped(true)
        .show(ui, |ui| {
            let rows: [(&str, usize); 13] = [
                ("出典 Sources", it.sources.len()),
                ("府省庁 Ministries", it.ministries.len()),
                ("バリューチェーン Stages", it.stages.len()),
                ("目指すべき姿 Target states", it.target_states.len()),
                ("項目 Themes", it.themes.len()),
                ("小論点・ギャップ Gaps", it.gaps.len()),
                ("対応案・施策 Measures", it.measures.len()),
                ("提言 Proposals", it.proposals.len()),
                ("KPI", it.kpis.len()),
                ("予算 Budgets", it.budgets.len()),
                ("出来事 Events", it.events.len()),
                ("リンク Links", it.links.len()),
                ("補足 Notes", it.notes.len()),
            ];
            for (label, n) in rows {
                ui.label(label);
                ui.label(n.to_string());
                ui.end_row();
            }
        });
}
