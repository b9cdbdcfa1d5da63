//! The value chain as the 2018 gap map draws it: the roadmap's value-chain stages across, the gap
//! categories down (法規制, 人材・システム・インフラ, 推進・体制・財源, then any other), and in each
//! cell the gaps placed at that stage in that category, each with the measures answering it.
//!
//! The grid holds the whole roadmap, whatever the filter: the view draws what the filter leaves
//! out weak, so that a gap's place in the chain stays in sight.

use super::index::Index;
use crate::model::{Category, ItemRef, Provenance, Roadmap, StageId};

/// A column of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainColumn {
    /// A value-chain stage, in the roadmap's order.
    Stage(StageId),
    /// Gaps placed at no stage (the last column, when there are any).
    NoStage,
}

/// A row of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainRow {
    /// Gaps of this category.
    Category(Category),
    /// Gaps with no category (the last row, when there are any).
    Uncategorised,
}

/// A gap in a cell, with the measures answering it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The gap.
    pub gap: ItemRef,
    /// The measures answering it (its `AddressedBy` links), in the index's order.
    pub measures: Vec<ItemRef>,
    /// Whether its category and stages are stated by the source or an editor's placement.
    pub placement: Provenance,
}

/// The value-chain grid of a roadmap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueChain {
    /// Columns, left to right.
    pub columns: Vec<ChainColumn>,
    /// Rows, top to bottom.
    pub rows: Vec<ChainRow>,
    /// The gaps of each cell in document order, by row then column: `cells[row][column]`.
    pub cells: Vec<Vec<Vec<Placed>>>,
}

impl ValueChain {
    /// The gaps in the cell at `row` and `column`; none outside the grid.
    pub fn cell(&self, row: usize, column: usize) -> &[Placed] {
        self.cells
            .get(row)
            .and_then(|r| r.get(column))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the roadmap defines any value-chain stage (else the grid is not worth drawing).
    pub fn has_stages(&self) -> bool {
        self.columns
            .iter()
            .any(|c| matches!(c, ChainColumn::Stage(_)))
    }

    /// The column of `stage`, if it is one of the roadmap's stages.
    pub fn column_of(&self, stage: &StageId) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| matches!(c, ChainColumn::Stage(s) if s == stage))
    }

    /// The row of gaps in `category` (`None`: uncategorised), if the grid has one.
    pub fn row_of(&self, category: Option<&Category>) -> Option<usize> {
        self.rows.iter().position(|r| match (r, category) {
            (ChainRow::Category(c), Some(want)) => c == want,
            (ChainRow::Uncategorised, None) => true,
            _ => false,
        })
    }
}

/// The three categories the 2018 gap map names, in its order (top to bottom).
pub const NAMED_CATEGORIES: [Category; 3] = [
    Category::Regulation,
    Category::PeopleSystemsInfrastructure,
    Category::PromotionGovernanceFunding,
];

/// Lays out the value-chain grid of `roadmap`: a column for each of its stages in order, then
/// "no stage" when some gap names none of them; a row for each named category, then each other
/// category in order of first appearance, then "uncategorised" when some gap has no category. A
/// gap goes in the cell of each of its stages (once each) in its category's row; a stage ID that
/// names no stage of the roadmap is left out (validation reports it).
pub fn value_chain(roadmap: &Roadmap, index: &Index) -> ValueChain {
    let items = &roadmap.items;
    let mut columns: Vec<ChainColumn> = items
        .stages
        .iter()
        .map(|s| ChainColumn::Stage(s.id.clone()))
        .collect();
    let mut rows: Vec<ChainRow> = NAMED_CATEGORIES
        .iter()
        .cloned()
        .map(ChainRow::Category)
        .collect();
    let mut any_uncategorised = false;
    let mut any_without_stage = false;
    for gap in &items.gaps {
        match &gap.category {
            Some(c) => {
                if !rows
                    .iter()
                    .any(|r| matches!(r, ChainRow::Category(x) if x == c))
                {
                    rows.push(ChainRow::Category(c.clone()));
                }
            }
            None => any_uncategorised = true,
        }
        any_without_stage |= !gap.stages.iter().any(|s| roadmap.stage(s).is_some());
    }
    if any_uncategorised {
        rows.push(ChainRow::Uncategorised);
    }
    let no_stage = columns.len();
    if any_without_stage {
        columns.push(ChainColumn::NoStage);
    }
    let mut chain = ValueChain {
        cells: vec![vec![Vec::new(); columns.len()]; rows.len()],
        columns,
        rows,
    };
    for (i, gap) in items.gaps.iter().enumerate() {
        let Some(row) = chain.row_of(gap.category.as_ref()) else {
            continue;
        };
        let mut at: Vec<usize> = Vec::new();
        for stage in &gap.stages {
            if let Some(c) = chain.column_of(stage)
                && !at.contains(&c)
            {
                at.push(c);
            }
        }
        if at.is_empty() {
            at.push(no_stage);
        }
        let placed = Placed {
            gap: ItemRef::Gap(gap.id.clone()),
            measures: index.measures_of_nth_gap(i).cloned().collect(),
            placement: gap.placement_provenance,
        };
        for c in at {
            chain.cells[row][c].push(placed.clone());
        }
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GapId;

    fn bundled(entry: &str) -> (Roadmap, Index) {
        let roadmap = crate::bundled::open_entry(entry)
            .unwrap_or_else(|e| panic!("{entry} loads: {:#?}", e.diagnostics))
            .roadmap;
        let index = Index::build(&roadmap);
        (roadmap, index)
    }

    fn stage(id: &str) -> StageId {
        StageId::new(id).expect("valid id")
    }

    fn gap(id: &str) -> ItemRef {
        ItemRef::Gap(GapId::new(id).expect("valid id"))
    }

    fn gaps_in(chain: &ValueChain, row: usize, column: usize) -> Vec<&str> {
        chain
            .cell(row, column)
            .iter()
            .map(|p| p.gap.id_str())
            .collect()
    }

    #[test]
    fn stages_run_across_in_roadmap_order_then_no_stage() {
        let (roadmap, index) = bundled(crate::bundled::ENTRY);
        let chain = value_chain(&roadmap, &index);
        let ids: Vec<String> = chain
            .columns
            .iter()
            .map(|c| match c {
                ChainColumn::Stage(s) => s.to_string(),
                ChainColumn::NoStage => "-".to_owned(),
            })
            .collect();
        assert_eq!(
            ids,
            [
                "stage.rnd",
                "stage.storage",
                "stage.processing",
                "stage.transport",
                "stage.treatment",
                "stage.approval",
                "stage.postmarket",
                // The 小論点 of the 2024 matrix are placed at no stage.
                "-",
            ]
        );
        assert_eq!(
            chain.rows,
            [
                ChainRow::Category(Category::Regulation),
                ChainRow::Category(Category::PeopleSystemsInfrastructure),
                ChainRow::Category(Category::PromotionGovernanceFunding),
                ChainRow::Uncategorised,
            ]
        );
        assert!(chain.has_stages());
    }

    #[test]
    fn a_2018_gap_lands_at_its_stage_and_category_with_its_measures() {
        let (roadmap, index) = bundled(crate::bundled::ENTRY);
        let chain = value_chain(&roadmap, &index);
        let people = chain
            .row_of(Some(&Category::PeopleSystemsInfrastructure))
            .expect("row");
        let storage = chain.column_of(&stage("stage.storage")).expect("column");
        // Gap 4 (too few cell banks) is placed at cell storage, 人材・システム・インフラ.
        let cell = chain.cell(people, storage);
        let placed = cell
            .iter()
            .find(|p| p.gap == gap("gap.2018.4"))
            .expect("gap 4 at cell storage");
        assert_eq!(placed.placement, Provenance::Editorial);
        let measures: Vec<&str> = placed.measures.iter().map(ItemRef::id_str).collect();
        assert!(measures.contains(&"m.p4.1"), "{measures:?}");
        // … and nowhere else.
        for row in 0..chain.rows.len() {
            for column in 0..chain.columns.len() {
                if (row, column) != (people, storage) {
                    assert!(!gaps_in(&chain, row, column).contains(&"gap.2018.4"));
                }
            }
        }
    }

    #[test]
    fn a_gap_across_the_chain_is_in_every_stage_of_its_row() {
        let (roadmap, index) = bundled(crate::bundled::ENTRY);
        let chain = value_chain(&roadmap, &index);
        let regulation = chain.row_of(Some(&Category::Regulation)).expect("row");
        for (column, c) in chain.columns.iter().enumerate() {
            let here = gaps_in(&chain, regulation, column);
            match c {
                ChainColumn::Stage(_) => assert_eq!(here, ["gap.2018.2"], "{c:?}"),
                ChainColumn::NoStage => assert!(here.is_empty()),
            }
        }
    }

    #[test]
    fn gaps_without_stage_or_category_go_to_the_last_cell() {
        let (roadmap, index) = bundled(crate::bundled::ENTRY);
        let chain = value_chain(&roadmap, &index);
        let last = (chain.rows.len() - 1, chain.columns.len() - 1);
        let here = gaps_in(&chain, last.0, last.1);
        assert!(here.contains(&"gap.t1.1"), "{here:?}");
        assert!(!here.iter().any(|g| g.starts_with("gap.2018")));
        // Every gap is somewhere.
        for g in &roadmap.items.gaps {
            let found = (0..chain.rows.len()).any(|r| {
                (0..chain.columns.len()).any(|c| gaps_in(&chain, r, c).contains(&g.id.as_str()))
            });
            assert!(found, "{} is in no cell", g.id);
        }
    }

    #[test]
    fn a_roadmap_without_stages_has_none() {
        let (roadmap, index) = bundled("roadmaps/health-2026/health-2026.ron");
        let chain = value_chain(&roadmap, &index);
        assert!(!chain.has_stages());
        assert_eq!(chain.columns, [ChainColumn::NoStage]);
    }

    #[test]
    fn other_categories_follow_the_named_ones_and_uncategorised_is_last() {
        let (mut roadmap, _) = bundled(crate::bundled::ENTRY);
        let other = Category::Other("国際連携".to_owned());
        roadmap.items.gaps[0].category = None;
        let last = roadmap.items.gaps.len() - 1;
        roadmap.items.gaps[last].category = Some(other.clone());
        let index = Index::build(&roadmap);
        let chain = value_chain(&roadmap, &index);
        let rows = &chain.rows;
        assert_eq!(rows[..3], NAMED_CATEGORIES.map(ChainRow::Category));
        assert_eq!(rows[3], ChainRow::Category(other.clone()));
        assert_eq!(rows[4], ChainRow::Uncategorised);
        let row = chain.row_of(Some(&other)).expect("row");
        let id = roadmap.items.gaps[last].id.as_str();
        assert!((0..chain.columns.len()).any(|c| gaps_in(&chain, row, c).contains(&id)));
        let first = roadmap.items.gaps[0].id.as_str();
        assert!((0..chain.columns.len()).any(|c| gaps_in(&chain, 4, c).contains(&first)));
    }
}
