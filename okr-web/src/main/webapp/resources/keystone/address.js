/*
 * Completes the address bar with the cycle and "as of" date the page shows (ContextBacking.address),
 * when the page was asked for without them, so that a copied address opens what its sender saw.
 */
document.addEventListener('DOMContentLoaded', function () {
    var address = document.body.getAttribute('data-address');
    if (address && address !== window.location.pathname + window.location.search) {
        window.history.replaceState(window.history.state, '', address + window.location.hash);
    }
});
