// No browser download: this machine kind has no internet. The build finds a
// browser itself (scripts/setup/browser-path.mjs) and installs Debian's
// chromium when none is found.
module.exports = { skipDownload: true };
