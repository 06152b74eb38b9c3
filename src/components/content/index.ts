/** Components every lesson may use without importing them (passed to <Content components>). */
import TaskDefEditor from '../widgets/TaskDefEditor.astro';
import Callout from './Callout.astro';
import Term from './Term.astro';

export const lessonComponents = { Callout, TaskDefEditor, Term };
