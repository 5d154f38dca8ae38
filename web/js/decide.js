/** @file The Decision Guide: questions answered by clicking, ranked recommendations with reasons and caveats. */
import { cached, getJson, pillarsById } from './api.js';
import { fill, h, patternHref, statusBadge, textWithPatternLinks } from './dom.js';

/** `pain:cost,hosting:hosted` -> Map{pain => cost, hosting => hosted}. */
export function parseAnswers(text) {
  const answers = new Map();
  for (const pair of (text || '').split(',')) {
    const [question, answer] = pair.split(':');
    if (question && answer) answers.set(question, answer);
  }
  return answers;
}

const answersText = (answers) => [...answers].map(([q, a]) => `${q}:${a}`).join(',');
const decideUrl = (answers) => (answers.size ? `/?decide=${answersText(answers)}` : '/?decide');
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function questionFieldset(question, index, answers) {
  return h('fieldset', { class: 'question' },
    h('legend', {}, h('span', { class: 'question-number' }, `${index + 1}.`), ` ${question.text}`),
    question.help ? h('p', { class: 'help' }, question.help) : null,
    h('div', { class: 'choices' }, question.answers.map((answer) => {
      const id = `a-${question.id}-${answer.id}`;
      return h('label', { class: 'choice', for: id },
        h('input', {
          type: 'radio', id, name: question.id, value: answer.id, checked: answers.get(question.id) === answer.id,
        }),
        h('span', {}, answer.label));
    })));
}

function recommendationItem(item, pillars) {
  return h('li', { class: 'rec' },
    h('h3', {}, h('a', { href: patternHref(item.id) }, item.title)),
    h('p', { class: 'hit-meta' }, statusBadge(item.status),
      h('span', {}, pillars.get(item.pillar)?.name || item.pillar)),
    h('p', {}, item.description),
    h('p', { class: 'why-label' }, 'Why it fits'),
    h('ul', { class: 'reasons' }, item.reasons.map((r) => h('li', {}, sentence(r)))),
    item.caveat ? h('p', { class: 'caveat' }, h('strong', {}, 'When not to use it: '),
      textWithPatternLinks(item.caveat)) : null);
}

function recommendationsBody(result, answers, questionCount, pillars) {
  if (!answers.size) {
    return h('p', { class: 'muted' }, 'Answer any question to see recommendations; each answer sharpens the list.');
  }
  return [
    h('p', { class: 'share' }, `Based on ${answers.size} of ${questionCount} answers. `,
      h('a', { href: decideUrl(answers) }, 'Link to this result'), ' (the address holds your answers).'),
    h('ol', { class: 'rec-list' }, result.recommendations.map((item) => recommendationItem(item, pillars))),
    result.ruled_out.length ? h('details', { class: 'ruled-out' },
      h('summary', {}, `Ruled out by your answers (${result.ruled_out.length})`),
      h('ul', {}, result.ruled_out.map((r) => h('li', {}, h('a', { href: patternHref(r.id) }, r.title), ': ',
        r.reasons.join(' '))))) : null,
  ];
}

export class DecideView {
  constructor(container, navigate) {
    this.container = container;
    this.navigate = navigate;
    this.root = null;
  }

  async show(answerText, isCurrent) {
    const [guide, pillars] = await Promise.all([cached('/v1/decision-guide'), pillarsById()]);
    const answers = parseAnswers(answerText);
    for (const [question, answer] of answers) {
      const known = guide.questions.find((q) => q.id === question)?.answers.some((a) => a.id === answer);
      if (!known) answers.delete(question);  // an outdated shared link still shows what it can
    }
    document.title = `${guide.title} \u2013 Production AI Patterns`;
    if (!isCurrent()) return;
    if (!this.root || !this.container.contains(this.root)) this.build(guide, answers);
    for (const input of this.root.querySelectorAll('.questions input')) {
      input.checked = answers.get(input.name) === input.value;
    }
    const body = this.root.querySelector('.rec-body');
    body.setAttribute('aria-busy', 'true');
    const result = answers.size ? await getJson('/v1/recommend', { answers: answersText(answers) }) : null;
    if (!isCurrent()) return;
    fill(body, recommendationsBody(result, answers, guide.questions.length, pillars));
    body.removeAttribute('aria-busy');
  }

  build(guide, answers) {
    const form = h('form', { class: 'questions', onsubmit: (e) => e.preventDefault() },
      guide.questions.map((q, i) => questionFieldset(q, i, answers)),
      h('p', {}, h('a', { href: '/?decide', class: 'button' }, 'Start over')));
    form.addEventListener('change', () => {
      const chosen = new Map();
      for (const q of guide.questions) {
        const checked = form.querySelector(`input[name="${q.id}"]:checked`);
        if (checked) chosen.set(q.id, checked.value);
      }
      this.navigate(decideUrl(chosen), { replace: true, keepFocus: true });
    });
    this.root = h('div', { class: 'decide' },
      h('header', { class: 'page-head' },
        h('h1', { tabindex: '-1' }, guide.title),
        h('p', { class: 'lede' }, guide.intro),
        h('p', { class: 'jump' }, h('a', { href: '#recommendations' }, 'Jump to the recommendations'))),
      h('div', { class: 'decide-layout' }, form,
        h('section', { class: 'recommendations', id: 'recommendations', 'aria-labelledby': 'rec-title' },
          h('h2', { id: 'rec-title' }, 'Recommendations'),
          h('div', { class: 'rec-body', 'aria-live': 'polite' }))));
    fill(this.container, this.root);
  }
}
