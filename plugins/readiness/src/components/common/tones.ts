import { Theme } from '@material-ui/core/styles';
import { PaletteColor } from '@material-ui/core/styles/createPalette';

/** A palette colour readable as text on the page background (dark shade in light mode, light in dark mode). */
export function textTone(theme: Theme, color: PaletteColor): string {
  return theme.palette.type === 'dark' ? color.light : color.dark;
}

/** A palette colour for filled backgrounds carrying white text (contrast >= 4:1 in both modes). */
export function fillTone(color: PaletteColor): string {
  return color.dark;
}
