/** Fixed width of a population node, px: a drop lands the node centred under the cursor. */
export const NODE_WIDTH = 184;
