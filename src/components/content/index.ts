/** Components every lesson may use without importing them (passed to <Content components>). */
import Callout from './Callout.astro';
import Term from './Term.astro';

export const lessonComponents = { Callout, Term };
