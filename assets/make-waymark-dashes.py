"""Makes WaymarkDashes.ttf: BIZ UDPGothic's dashes (U+2012-2015), with the stroke of its hyphen.

BIZ UDPGothic draws en and em dashes 98/2048 em thick: 0.6 px at the interface's 13 px, which
the rasteriser spreads over two rows too faint to see ("2016-17" reads "2016 17"). Waymark puts
this font before BIZ UDPGothic, so only these characters come from it. Modified under the SIL
Open Font License 1.1 (OFL.txt), which declares no reserved font name.

Run: python3 assets/make-waymark-dashes.py (needs fontTools).
"""

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

HERE = Path(__file__).parent
DASHES = [0x2012, 0x2013, 0x2014, 0x2015]

font = TTFont(HERE / "BIZUDPGothic-Regular.ttf")
options = subset.Options()
options.name_IDs = ["*"]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=DASHES)
subsetter.subset(font)

glyf = font["glyf"]
hyphen_height = 795 - 641  # the hyphen's stroke, in font units
for code in DASHES:
    name = font.getBestCmap().get(code)
    if name is None:
        continue
    glyph = glyf[name]
    ys = [y for _, y in glyph.coordinates]
    centre = (min(ys) + max(ys)) / 2
    low, high = round(centre - hyphen_height / 2), round(centre + hyphen_height / 2)
    glyph.coordinates = GlyphCoordinates(
        [(x, high if y == max(ys) else low) for x, y in glyph.coordinates]
    )
    glyph.recalcBounds(glyf)

for record in font["name"].names:
    if record.nameID in (1, 3, 4, 6, 16):
        text = record.toUnicode()
        text = text.replace("BIZ UDPGothic", "Waymark Dashes").replace("BIZUDPGothic", "WaymarkDashes")
        record.string = text
font.save(HERE / "WaymarkDashes.ttf")
