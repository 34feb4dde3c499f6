/** The numbers a build printed, kept in its output folder for the next build to compare with. */
export const SNAPSHOT_FILE = ".tall-forrige-bygg.json";
