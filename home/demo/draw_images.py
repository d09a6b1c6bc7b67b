"""Draw the demo's illustrations (made here, never fetched): run
``python home/demo/draw_images.py`` to write them to ``images/``.

Flat shapes drawn at twice the size, scaled down and reduced to a small
palette, so that each PNG stays well under 150 KB."""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).parent / "images"
SCALE = 2

INK = (11, 61, 46)
GREEN = (26, 127, 90)
LEAF = (143, 211, 168)
MINT = (227, 242, 234)
SEA = (31, 95, 139)
SAND = (240, 226, 190)
CONTAINERS = [
    (20, 102, 74),
    (31, 95, 139),
    (156, 47, 78),
    (138, 75, 0),
    (47, 111, 115),
    (122, 62, 157),
]


def _canvas(width, height, top, bottom):
    image = Image.new("RGB", (width * SCALE, height * SCALE))
    draw = ImageDraw.Draw(image)
    for y in range(height * SCALE):
        t = y / (height * SCALE)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width * SCALE, y)], fill=colour)
    return image, draw


def _finish(image, width, height, name, colours=96):
    small = image.resize((width, height), Image.LANCZOS)
    small = small.quantize(
        colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    OUT.mkdir(exist_ok=True)
    small.save(OUT / name, optimize=True)


def _s(*values):
    return [v * SCALE for v in values]


def _leaf(draw, x, y, size, angle, fill):
    """A leaf: two arcs meeting at the tip, rotated by ``angle`` degrees."""
    points = []
    for i in range(41):
        t = i / 40
        points.append((t * size, math.sin(t * math.pi) * size * 0.32))
    for i in range(40, -1, -1):
        t = i / 40
        points.append((t * size, -math.sin(t * math.pi) * size * 0.32))
    a = math.radians(angle)
    rotated = [
        (
            (x + px * math.cos(a) - py * math.sin(a)) * SCALE,
            (y + px * math.sin(a) + py * math.cos(a)) * SCALE,
        )
        for px, py in points
    ]
    draw.polygon(rotated, fill=fill)


def port(width=1200, height=900):
    """A container port at the edge of green hills: where customs officers work."""
    image, draw = _canvas(width, height, (214, 236, 228), (250, 246, 232))
    draw.ellipse(_s(880, 90, 1020, 230), fill=(255, 214, 120))
    draw.polygon(
        _s(0, 520, 220, 380, 420, 470, 640, 350, 900, 460, 1200, 380, 1200, 620, 0, 620),
        fill=(110, 178, 138),
    )
    draw.polygon(_s(0, 580, 300, 470, 560, 560, 820, 480, 1200, 560, 1200, 650, 0, 650), fill=GREEN)
    draw.rectangle(_s(0, 640, 1200, 900), fill=SEA)
    for i in range(8):
        y = 680 + i * 26
        draw.line(_s(40 + i * 60, y, 300 + i * 60, y), fill=(80, 140, 180), width=3 * SCALE)
    draw.rectangle(_s(0, 600, 1200, 650), fill=SAND)
    # The crane.
    draw.rectangle(_s(150, 300, 170, 620), fill=INK)
    draw.rectangle(_s(250, 300, 270, 620), fill=INK)
    draw.rectangle(_s(100, 280, 560, 304), fill=INK)
    draw.line(_s(160, 300, 260, 380), fill=INK, width=6 * SCALE)
    draw.line(_s(260, 300, 160, 380), fill=INK, width=6 * SCALE)
    draw.line(_s(470, 304, 470, 430), fill=INK, width=3 * SCALE)
    draw.rectangle(_s(440, 430, 500, 462), fill=CONTAINERS[2])
    # The ship and its containers.
    draw.polygon(_s(520, 640, 1130, 640, 1090, 730, 560, 730), fill=INK)
    random.seed(2009)
    for row in range(3):
        for col in range(9):
            if row == 2 and col > 6:
                continue
            x, y = 570 + col * 58, 600 - row * 40
            colour = CONTAINERS[random.randrange(len(CONTAINERS))]
            draw.rectangle(_s(x, y, x + 54, y + 36), fill=colour)
            for k in range(1, 5):
                draw.line(
                    _s(x + k * 11, y + 4, x + k * 11, y + 32),
                    fill=tuple(max(c - 30, 0) for c in colour),
                    width=SCALE,
                )
    draw.rectangle(_s(1060, 520, 1110, 640), fill=MINT)
    draw.rectangle(_s(1070, 535, 1100, 555), fill=SEA)
    # The customs post, with its leaf.
    draw.rectangle(_s(40, 500, 120, 600), fill=(250, 250, 245))
    draw.polygon(_s(30, 500, 80, 460, 130, 500), fill=INK)
    _leaf(draw, 60, 540, 46, -40, GREEN)
    for x, y, a in [(330, 560, -60), (360, 545, -20), (700, 470, -50), (980, 520, -30)]:
        _leaf(draw, x, y, 40, a, LEAF)
    _finish(image, width, height, "port.png")


def globe(width=1800, height=600):
    """A globe ringed with leaves and containers: the trade the treaties govern."""
    image, draw = _canvas(width, height, (227, 242, 234), (247, 251, 249))
    cx, cy, r = 900, 300, 230
    draw.ellipse(_s(cx - r, cy - r, cx + r, cy + r), fill=SEA)
    for dx in (-150, -80, 0, 80, 150):
        w = abs(dx) if dx else 2
        draw.ellipse(_s(cx - w, cy - r, cx + w, cy + r), outline=(120, 170, 205), width=3 * SCALE)
    for dy in (-150, -75, 0, 75, 150):
        half = math.sqrt(max(r * r - dy * dy, 0))
        draw.line(_s(cx - half, cy + dy, cx + half, cy + dy), fill=(120, 170, 205), width=3 * SCALE)
    draw.polygon(
        _s(760, 200, 860, 150, 930, 210, 880, 300, 800, 320, 740, 260), fill=(110, 178, 138)
    )
    draw.polygon(_s(950, 330, 1040, 300, 1080, 380, 1010, 450, 950, 420), fill=(110, 178, 138))
    for i in range(14):
        angle = i * (360 / 14)
        a = math.radians(angle)
        x, y = cx + math.cos(a) * (r + 60), cy + math.sin(a) * (r + 60)
        _leaf(draw, x, y, 54, angle + 90, GREEN if i % 2 else LEAF)
    for side, base in ((-1, 120), (1, 1380)):
        for row in range(3):
            for col in range(5):
                x, y = base + col * 62, 430 - row * 44
                draw.rectangle(
                    _s(x, y, x + 58, y + 40), fill=CONTAINERS[(row * 5 + col + (side > 0)) % 6]
                )
        draw.rectangle(_s(base - 20, 474, base + 330, 490), fill=INK)
    _finish(image, width, height, "globe.png")


def network(width=1800, height=600):
    """Circles joined by lines: the Partners working together."""
    image, draw = _canvas(width, height, (247, 251, 249), (227, 242, 234))
    random.seed(27)
    nodes = []
    colours = [
        (20, 102, 74),
        (31, 95, 139),
        (122, 62, 157),
        (156, 47, 78),
        (138, 75, 0),
        (47, 111, 115),
        (75, 90, 30),
        (61, 74, 143),
    ]
    for i in range(11):
        a = math.radians(i * 360 / 11 - 90)
        nodes.append((900 + math.cos(a) * 620, 300 + math.sin(a) * 210, colours[i % len(colours)]))
    for i, (x, y, _c) in enumerate(nodes):
        for j in (i + 1, i + 3, i + 5):
            x2, y2, _ = nodes[j % len(nodes)]
            draw.line(_s(x, y, x2, y2), fill=(170, 205, 188), width=3 * SCALE)
        draw.line(_s(x, y, 900, 300), fill=(143, 211, 168), width=4 * SCALE)
    draw.ellipse(_s(820, 220, 980, 380), fill=GREEN)
    _leaf(draw, 862, 318, 84, -40, LEAF)
    for x, y, colour in nodes:
        draw.ellipse(_s(x - 44, y - 44, x + 44, y + 44), fill=colour)
        draw.ellipse(_s(x - 30, y - 30, x + 30, y + 30), outline=(255, 255, 255), width=3 * SCALE)
    _finish(image, width, height, "network.png")


if __name__ == "__main__":
    port()
    globe()
    network()
    for path in sorted(OUT.glob("*.png")):
        print(path.name, path.stat().st_size // 1024, "KB")
