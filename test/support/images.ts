/**
 * Small images as base64 PNG bytes, for elements that show images (chat avatars) in unit and
 * browser tests.
 */
/** Streamlit's e2e avatars: a red 10×255 and a blue 10×10 image, as PNG bytes. */
export const RED_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAoAAAD/CAIAAABHD9BAAAAAL0lEQVR42u3JsQ0AAAjAoP7/tH7g7EDCRlOHtNZaa6211lprrbXWWmuttdZa6xe91j3skkEGeQ8AAAAASUVORK5CYII=";
export const BLUE_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAEUlEQVR42mNgYPiPF41KY0EA8INjndXmqyIAAAAASUVORK5CYII=";
