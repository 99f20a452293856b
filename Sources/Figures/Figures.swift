// Figures: the chart library over libgd. Filled by issue 2 (canvas, axes, chart kinds, PNG I/O).
import CGD
