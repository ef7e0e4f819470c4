/** Chart colours: distinguishable, and dark enough against white for the bars' 3:1 contrast. */
export const PALETTE = ["#0f766e", "#1d4ed8", "#b45309", "#7e22ce", "#be123c", "#15803d", "#475569", "#a16207", "#0369a1", "#9d174d"];
