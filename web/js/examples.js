/** @file Example problems, in the words people type when something hurts; shown where the page needs a start. */
import { h, searchHref } from './dom.js';

export const EXAMPLES = [
  'our LLM bill doubled',
  'the provider times out at peak',
  'the agent looped all night',
  'answers cite documents that do not say that',
  'users got the model to reveal its system prompt',
  'we need an audit trail for the regulator',
];

export function exampleList() {
  return h('ul', { class: 'examples' },
    EXAMPLES.map((text) => h('li', {}, h('a', { href: searchHref(text), class: 'example' }, text))));
}
