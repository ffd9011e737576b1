// @ts-check
// DOM helpers and the lesson's exercises: quizzes with an explanation for every answer, the
// order-the-stops exercise (drag and drop, Alt+Arrow keys, or buttons) and recall questions.
// Everything is built with createElement + textContent, and strings shown through `el` are printable.
(function () {
  /**
   * @typedef {{ get: (key: string) => any, set: (key: string, value: any) => void }} Store
   * @typedef {{ text: string, correct: boolean, why: string }} QuizOption
   * @typedef {{ id: string, question: string, options: QuizOption[] }} Quiz
   */

  /**
   * The characters src/core/display-text.ts calls hidden (controls, bidi and zero-width format
   * characters, line and paragraph separators, lone surrogates): kept in step by
   * test/unit/media/lesson-exercises.test.ts. As text nodes they cannot run, but a right-to-left
   * override still reorders what the reader sees.
   */
  const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

  /** The view's own words, from the lesson content of the display language (loaded before this script). */
  const words = () => /** @type {any} */ (window).sevenStopsLesson.ui;

  /**
   * `text` with every hidden character written as a JavaScript escape (`\u202e`, `\u{e0041}`).
   * @param {string} text
   */
  function printable(text) {
    return text.replace(HIDDEN, ch => {
      const cp = /** @type {number} */ (ch.codePointAt(0));
      return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    });
  }

  /**
   * Creates an element with a class and children (strings become printable text nodes).
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {(Node | string)[]} [children]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, className, children) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (children) e.append(...children.map(c => (typeof c === 'string' ? printable(c) : c)));
    return e;
  }

  /**
   * Text where `backticks` mark code: returns text nodes and <code> elements, never parsed HTML.
   * @param {string} text
   * @returns {Node[]}
   */
  function rich(text) {
    return text.split('`').map((part, i) => (i % 2 ? el('code', '', [part]) : document.createTextNode(part)));
  }

  /** @param {string} tag @param {string} text @param {string} [className] */
  function para(tag, text, className) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    e.append(...rich(text));
    return e;
  }

  /** Says something to screen readers through the page's polite live region. @param {string} text */
  function announce(text) {
    const region = document.getElementById('announcer');
    if (region) { region.textContent = ''; region.textContent = printable(text); }
  }

  /**
   * A multiple-choice question: pick with the radio buttons, then Check. Every option carries its
   * own explanation; after checking, the chosen option's explanation shows (and the right answer's).
   * @param {Quiz} quiz @param {number} index @param {Store} store
   */
  function quiz(quiz, index, store) {
    const T = words();
    const name = `quiz-${quiz.id}`;
    const box = el('fieldset', 'quiz');
    box.dataset.quiz = quiz.id;
    const legend = el('legend', '', [T.question(index + 1), ...rich(quiz.question)]);
    const options = el('div', 'options');
    const feedback = el('div', 'feedback');
    feedback.setAttribute('role', 'status');
    const check = el('button', 'secondary', [T.checkAnswer]);
    check.type = 'button';
    /** @type {HTMLInputElement[]} */
    const radios = [];
    quiz.options.forEach((o, i) => {
      const id = `${name}-${i}`;
      const input = el('input');
      input.type = 'radio';
      input.name = name;
      input.id = id;
      input.value = String(i);
      const label = el('label', 'option', [input, el('span', '', rich(o.text))]);
      label.htmlFor = id;
      input.addEventListener('change', () => {
        store.set(name, { choice: i, checked: false });
        show();
      });
      radios.push(input);
      options.append(label);
    });
    check.addEventListener('click', () => {
      const saved = store.get(name);
      if (!saved) { feedback.replaceChildren(el('p', 'hint', [T.pickFirst])); return; }
      store.set(name, { choice: saved.choice, checked: true });
      show();
    });

    function show() {
      const saved = store.get(name);
      radios.forEach((r, i) => {
        r.checked = saved?.choice === i;
        const label = /** @type {HTMLElement} */ (r.parentElement);
        label.classList.toggle('right', !!saved?.checked && quiz.options[i].correct);
        label.classList.toggle('wrong', !!saved?.checked && saved.choice === i && !quiz.options[i].correct);
      });
      feedback.replaceChildren();
      if (!saved?.checked) return;
      const chosen = quiz.options[saved.choice];
      feedback.append(para('p', `${chosen.correct ? T.correct : T.notQuite}${chosen.why}`, `explanation ${chosen.correct ? 'right' : 'wrong'}`));
      if (!chosen.correct) {
        const right = quiz.options.find(o => o.correct);
        if (right) feedback.append(para('p', `${T.theAnswer}${right.text} ${right.why}`, 'explanation answer'));
      }
    }

    box.append(legend, options, check, feedback);
    show();
    return box;
  }

  /**
   * The order-the-stops exercise. Items can be dragged, moved with Alt+ArrowUp/Down while focused,
   * or moved with their buttons; Check marks each position.
   * @param {{ prompt: string, start: string[] }} spec @param {string[]} answer @param {Store} store
   */
  function order(spec, answer, store) {
    const T = words();
    const box = el('div', 'order');
    const list = el('ol', 'order-list');
    list.id = 'order-list';
    list.setAttribute('aria-label', T.orderLabel);
    const result = el('p', 'order-result');
    result.setAttribute('role', 'status');
    const check = el('button', '', [T.checkOrder]);
    check.type = 'button';
    check.id = 'order-check';
    const reset = el('button', 'secondary', [T.startOver]);
    reset.type = 'button';
    /** @type {string[]} */
    let items = valid(store.get('order')) ? store.get('order') : [...spec.start];
    let checked = !!store.get('orderChecked');
    /** @type {number | null} */
    let dragFrom = null;

    /** @param {unknown} v */
    function valid(v) {
      return Array.isArray(v) && v.length === answer.length && answer.every(a => v.includes(a));
    }

    function save() {
      store.set('order', items);
      store.set('orderChecked', checked);
    }

    /** @param {number} from @param {number} to @param {boolean} focus */
    function move(from, to, focus) {
      if (to < 0 || to >= items.length || from === to) return;
      const [name] = items.splice(from, 1);
      items.splice(to, 0, name);
      checked = false;
      save();
      render();
      announce(T.moved(name, to + 1, items.length));
      if (focus) /** @type {HTMLElement | undefined} */ (list.children[to])?.focus();
    }

    function render() {
      list.replaceChildren();
      items.forEach((name, i) => {
        const li = el('li', 'order-item');
        li.tabIndex = 0;
        li.draggable = true;
        li.dataset.name = name;
        const ok = checked && answer[i] === name;
        if (checked) li.classList.add(ok ? 'right' : 'wrong');
        li.setAttribute('aria-label', T.orderItem(name, i + 1, items.length, checked ? ok : null));
        const grip = el('span', 'grip', ['⋮⋮']);
        grip.setAttribute('aria-hidden', 'true');
        const mark = el('span', 'mark', [checked ? (ok ? '✓' : '✗') : '']);
        mark.setAttribute('aria-hidden', 'true');
        const up = el('button', 'icon secondary', ['↑']);
        up.type = 'button';
        up.title = up.ariaLabel = T.moveUp(name);
        up.disabled = i === 0;
        up.addEventListener('click', () => move(i, i - 1, false));
        const down = el('button', 'icon secondary', ['↓']);
        down.type = 'button';
        down.title = down.ariaLabel = T.moveDown(name);
        down.disabled = i === items.length - 1;
        down.addEventListener('click', () => move(i, i + 1, false));
        li.append(grip, el('span', 'order-name', [name]), mark, up, down);
        li.addEventListener('keydown', e => {
          if (e.target !== li || !e.altKey) return;
          if (e.key === 'ArrowUp') { e.preventDefault(); move(i, i - 1, true); }
          if (e.key === 'ArrowDown') { e.preventDefault(); move(i, i + 1, true); }
        });
        li.addEventListener('dragstart', e => {
          dragFrom = i;
          li.classList.add('dragging');
          e.dataTransfer?.setData('text/plain', name);
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        });
        li.addEventListener('dragend', () => { dragFrom = null; li.classList.remove('dragging'); });
        li.addEventListener('dragover', e => { if (dragFrom !== null) { e.preventDefault(); li.classList.add('drop-target'); } });
        li.addEventListener('dragleave', () => li.classList.remove('drop-target'));
        li.addEventListener('drop', e => {
          e.preventDefault();
          li.classList.remove('drop-target');
          if (dragFrom !== null) move(dragFrom, i, true);
        });
        list.append(li);
      });
      const right = items.filter((n, i) => answer[i] === n).length;
      result.textContent = !checked ? '' : right === items.length
        ? T.allInOrder(answer)
        : T.partlyInOrder(right, items.length);
      result.className = `order-result ${checked ? (right === items.length ? 'right' : 'wrong') : ''}`;
    }

    check.addEventListener('click', () => { checked = true; save(); render(); });
    reset.addEventListener('click', () => { items = [...spec.start]; checked = false; save(); render(); announce(T.shuffled); });
    const buttons = el('div', 'buttons', [check, reset]);
    box.append(para('p', spec.prompt, 'muted'), list, buttons, result);
    render();
    return box;
  }

  /** Recall questions: answer in your head, then reveal. @param {{ q: string, a: string }[]} items */
  function recall(items) {
    const box = el('div', 'recall');
    items.forEach(item => {
      const d = el('details', 'recall-item');
      const s = el('summary', '', rich(item.q));
      d.append(s, para('p', item.a));
      box.append(d);
    });
    return box;
  }

  /** @type {any} */ (window).sevenStopsUi = { printable, el, rich, para, announce, quiz, order, recall };
})();
