/**
 * A session's events are kept in blocks of this many (session_blocks: their positions, and the
 * journey fold's state before the block's first event), so any moment of any session costs one
 * row read and at most this many folds. The player loads the block around its playhead, so it
 * counts in the same blocks. Pure, with no imports: the player's client bundle takes it too.
 */
export const SNAPSHOT_EVERY = 100;
