/** Components every lesson may use without importing them (passed to <Content components>). */
import ClusterTerminal from '../widgets/ClusterTerminal.astro';
import TaskDefEditor from '../widgets/TaskDefEditor.astro';
import Callout from './Callout.astro';
import Term from './Term.astro';

export const lessonComponents = { Callout, ClusterTerminal, TaskDefEditor, Term };
