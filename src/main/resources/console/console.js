// Attest local console: a small Slack look-alike for talking to the bot on this machine.
//
// It polls GET /local/state and draws the selected conversation; what the person types goes to POST /local/send
// and button clicks to POST /local/click. Every piece of text from the server or the person is put on the page
// with textContent / text nodes only, never parsed as HTML, so a message can never inject markup or script.
'use strict';

(() => {
  const POLL_MS = 400;
  const AUTO_OPEN_WINDOW_MS = 15000;
  const CHANNELS = {
    C0LOCAL: {
      title: '# general',
      subtitle: 'Your local channel: mention @attest here, or use /soc for a private answer',
      placeholder: 'Message #general — try /soc is SOC 2 a certification?',
      hash: '#general',
      empty: ['This is the very beginning of #general. Try ', '/soc is SOC 2 a certification?', ', ',
        '@attest which report does a payroll provider need?', ' or ', '/soc triage Acme', '.'],
    },
    C0EXPERTS: {
      title: '# compliance',
      subtitle: 'Stands in for ATTEST_EXPERTS_CHANNEL: reply in a question\'s thread and Attest takes the answer back',
      placeholder: 'Message #compliance',
      hash: '#compliance',
      empty: ['Questions people take to the compliance team arrive here. Ask ', '/soc how much does a SOC 2 audit cost?',
        ' in #general, then click Ask the compliance team.'],
    },
    D0LOCAL: {
      title: 'Attest',
      subtitle: 'Direct message with the Attest app',
      placeholder: 'Message Attest — try what is a SOC 1 report?',
      hash: '#attest',
      empty: ['This is your direct message with Attest. Ask it anything about SOC 1 and SOC 2, for example ',
        'what is a Type 2 report?', '.'],
    },
    HOME: {
      title: 'Attest · Home',
      subtitle: 'App Home: what Attest covers, your recent questions and, for content owners, the gaps',
      placeholder: '',
      hash: '#home',
      empty: ['Opening Attest\'s Home tab…'],
    },
  };

  // A few of Slack's shortcodes; unknown ones stay as typed.
  const EMOJI = {
    white_check_mark: '\u2705', heavy_check_mark: '\u2714\uFE0F', x: '\u274C', bulb: '\uD83D\uDCA1',
    warning: '\u26A0\uFE0F', clipboard: '\uD83D\uDCCB', wave: '\uD83D\uDC4B', information_source: '\u2139\uFE0F',
    question: '\u2753', grey_question: '\u2754', exclamation: '\u2757', memo: '\uD83D\uDCDD', mag: '\uD83D\uDD0D',
    lock: '\uD83D\uDD12', key: '\uD83D\uDD11', shield: '\uD83D\uDEE1\uFE0F', tada: '\uD83C\uDF89',
    point_right: '\uD83D\uDC49', '+1': '\uD83D\uDC4D', thumbsup: '\uD83D\uDC4D', eyes: '\uD83D\uDC40',
    '-1': '\uD83D\uDC4E', thumbsdown: '\uD83D\uDC4E', raising_hand: '\uD83D\uDE4B',
    page_facing_up: '\uD83D\uDCC4', books: '\uD83D\uDCDA', calendar: '\uD83D\uDCC5', date: '\uD83D\uDCC5',
    hourglass: '\u231B', hourglass_flowing_sand: '\u23F3', rocket: '\uD83D\uDE80', speech_balloon: '\uD83D\uDCAC',
    thinking_face: '\uD83E\uDD14', slightly_smiling_face: '\uD83D\uDE42', smile: '\uD83D\uDE04',
    large_green_circle: '\uD83D\uDFE2', red_circle: '\uD83D\uDD34', large_blue_circle: '\uD83D\uDD35',
    arrow_right: '\u27A1\uFE0F', repeat: '\uD83D\uDD01', link: '\uD83D\uDD17', mag_right: '\uD83D\uDD0E',
    pushpin: '\uD83D\uDCCC', star: '\u2B50', sparkles: '\u2728', no_entry: '\u26D4',
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    messages: $('messages'),
    thread: $('thread'),
    threadMessages: $('thread-messages'),
    threadSubtitle: $('thread-subtitle'),
    title: $('conversation-title'),
    subtitle: $('conversation-subtitle'),
    problems: $('problems'),
    problemsList: $('problems-list'),
    offline: $('offline'),
    composer: $('composer'),
    input: $('composer-input'),
    threadComposer: $('thread-composer'),
    threadInput: $('thread-input'),
    toast: $('toast'),
    modal: $('modal'),
    modalTitle: $('modal-title'),
    modalForm: $('modal-form'),
    modalCancel: $('modal-cancel'),
    modalSubmit: $('modal-submit'),
    menu: $('message-menu'),
  };

  const app = {
    data: null,             // the last /local/state
    version: null,
    channel: 'C0LOCAL',     // the conversation shown in the main pane
    thread: null,           // ts of the open thread's root, in app.channel
    ids: { user: 'U0LOCAL', bot: 'U0ATTEST' },
    firstSeen: new Map(),   // channel/ts -> Date the page first saw it, for the time shown
    replyCounts: null,      // root key -> reply count at the previous render
    seen: null,             // channel -> top-level messages already seen there (for unread badges)
    lastActionAt: 0,        // when the person last sent something or clicked a button
    stickToBottom: { main: true, thread: true },
    cache: { main: new Map(), thread: new Map() },
    modalId: null,          // the modal shown, by its view id
    menuFor: null,          // the message whose menu is open
  };

  // ---------------------------------------------------------------- tiny DOM helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function key(m) {
    return m.channel + '/' + m.ts;
  }

  // ---------------------------------------------------------------- mrkdwn

  function decodeEntities(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function emojiFor(name) {
    return Object.prototype.hasOwnProperty.call(EMOJI, name) ? EMOJI[name] : null;
  }

  const INLINE_RULES = [
    { type: 'code', re: /`([^`\n]+)`/g },
    { type: 'angle', re: /<([^<>\n]+)>/g, slackOnly: true },
    { type: 'url', re: /\bhttps?:\/\/[^\s<>]+[^\s<>.,;:!?)'"\]]/g },
    { type: 'bold', re: /(?<![\p{L}\p{N}*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\p{L}\p{N}*])/gu },
    { type: 'italic', re: /(?<![\p{L}\p{N}_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\p{L}\p{N}_])/gu },
    { type: 'strike', re: /(?<![\p{L}\p{N}~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\p{L}\p{N}~])/gu },
    { type: 'emoji', re: /:([a-z0-9_+-]+):/g },
  ];

  function appendText(parent, text, slack) {
    if (text) parent.appendChild(document.createTextNode(slack ? decodeEntities(text) : text));
  }

  function safeHref(url) {
    return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
  }

  function link(href, label) {
    const a = el('a', 'link', label);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function mentionName(id, label) {
    if (id === app.ids.user) return '@you';
    if (id === app.ids.bot) return '@Attest';
    return '@' + (label || id);
  }

  /** <...> in Slack text: a user or channel mention, a special mention, or a link. Anything else stays literal. */
  function renderAngle(content, parent) {
    const bar = content.indexOf('|');
    const target = bar < 0 ? content : content.slice(0, bar);
    const label = bar < 0 ? '' : decodeEntities(content.slice(bar + 1));
    if (target.startsWith('@')) {
      parent.appendChild(el('span', 'mention', mentionName(target.slice(1), label)));
    } else if (target.startsWith('#')) {
      const id = target.slice(1);
      parent.appendChild(el('span', 'mention', '#' + (label || (id === 'C0LOCAL' ? 'general' : id))));
    } else if (target.startsWith('!date^')) {
      // <!date^EPOCH^{tokens}|fallback>: shown in the reader's own time, as Slack does.
      const when = new Date(parseInt(target.split('^')[1], 10) * 1000);
      const today = Math.abs(Date.now() - when.getTime()) < 24 * 3600 * 1000;
      parent.appendChild(el('time', 'date', Number.isNaN(when.getTime()) ? label
        : today ? timeLabel(when) : when.toLocaleDateString([], { month: 'short', day: 'numeric' })));
    } else if (target.startsWith('!')) {
      const special = target.slice(1).split('^')[0];
      if (['here', 'channel', 'everyone'].includes(special)) {
        parent.appendChild(el('span', 'mention mention-special', '@' + special));
      } else if (special === 'subteam') {
        // A user group: Slack shows its handle, which only Slack knows; the label, or the group's id, stands in.
        parent.appendChild(el('span', 'mention', label ? (label.startsWith('@') ? label : '@' + label)
          : '@' + target.slice(1).split('^')[1]));
      } else {
        parent.appendChild(document.createTextNode(label || decodeEntities('<' + content + '>')));
      }
    } else {
      const href = safeHref(decodeEntities(target));
      if (href) {
        parent.appendChild(link(href, label || href.replace(/^mailto:/i, '')));
      } else {
        // Not a scheme we open (javascript:, data:, ...): the label, or the whole thing, as plain text.
        parent.appendChild(document.createTextNode(label || decodeEntities('<' + content + '>')));
      }
    }
  }

  /**
   * Inline mrkdwn into parent. slack=true for text in Slack's encoding (bot text: &lt; &gt; &amp;, <links>);
   * slack=false for what the person typed, shown as typed.
   */
  function renderInline(text, slack, parent) {
    let pos = 0;
    while (pos < text.length) {
      let best = null;
      for (const rule of INLINE_RULES) {
        if (rule.slackOnly && !slack) continue;
        rule.re.lastIndex = pos;
        const m = rule.re.exec(text);
        if (m && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (!best) break;
      const { rule, m } = best;
      appendText(parent, text.slice(pos, m.index), slack);
      pos = m.index + m[0].length;
      switch (rule.type) {
        case 'code':
          parent.appendChild(el('code', 'code', slack ? decodeEntities(m[1]) : m[1]));
          break;
        case 'angle':
          renderAngle(m[1], parent);
          break;
        case 'url': {
          const url = slack ? decodeEntities(m[0]) : m[0];
          parent.appendChild(link(url, url));
          break;
        }
        case 'bold':
        case 'italic':
        case 'strike': {
          const tag = { bold: 'strong', italic: 'em', strike: 's' }[rule.type];
          const node = el(tag);
          renderInline(m[1], slack, node);
          parent.appendChild(node);
          break;
        }
        case 'emoji': {
          const emoji = emojiFor(m[1]);
          if (emoji) {
            parent.appendChild(el('span', 'emoji', emoji)).title = ':' + m[1] + ':';
          } else {
            // Not one we know: keep it as text, and let the closing colon open another shortcode.
            appendText(parent, ':' + m[1], slack);
            pos -= 1;
          }
          break;
        }
        default:
          appendText(parent, m[0], slack);
      }
    }
    appendText(parent, text.slice(pos), slack);
  }

  const LIST_LINE = /^\s*(?:•|-)\s+(.*)$/;
  const QUOTE_LINE = /^(?:>|&gt;) ?(.*)$/;

  function renderLines(text, slack, parent) {
    const lines = text.split('\n');
    let i = 0;
    while (i < lines.length) {
      if (LIST_LINE.test(lines[i])) {
        const ul = el('ul', 'mrkdwn-list');
        for (; i < lines.length && LIST_LINE.test(lines[i]); i++) {
          const li = el('li');
          renderInline(LIST_LINE.exec(lines[i])[1], slack, li);
          ul.appendChild(li);
        }
        parent.appendChild(ul);
      } else if (QUOTE_LINE.test(lines[i])) {
        const quote = el('blockquote', 'mrkdwn-quote');
        for (let first = true; i < lines.length && QUOTE_LINE.test(lines[i]); i++, first = false) {
          if (!first) quote.appendChild(el('br'));
          renderInline(QUOTE_LINE.exec(lines[i])[1], slack, quote);
        }
        parent.appendChild(quote);
      } else {
        const para = el('div', 'mrkdwn-p');
        for (let first = true; i < lines.length && !LIST_LINE.test(lines[i]) && !QUOTE_LINE.test(lines[i]);
          i++, first = false) {
          if (!first) para.appendChild(el('br'));
          renderInline(lines[i], slack, para);
        }
        parent.appendChild(para);
      }
    }
  }

  /** A mrkdwn string as DOM: ```code blocks``` first, then lines (lists, quotes, paragraphs), then inline marks. */
  function mrkdwn(text, slack) {
    const root = el('div', 'mrkdwn');
    const fence = /```([\s\S]*?)```/g;
    let pos = 0;
    let m;
    while ((m = fence.exec(text)) !== null) {
      const before = text.slice(pos, m.index).replace(/\n$/, '');
      if (before.trim()) renderLines(before, slack, root);
      const code = m[1].replace(/^\n/, '').replace(/\n$/, '');
      root.appendChild(el('pre', 'code-block', slack ? decodeEntities(code) : code));
      pos = m.index + m[0].length;
    }
    const rest = text.slice(pos).replace(/^\n/, '');
    if (rest || pos === 0) renderLines(rest, slack, root);
    return root;
  }

  /** plain_text objects: shown as is, with :shortcodes: as emoji unless emoji is false. */
  function plainText(obj, className) {
    const node = el('span', className);
    const text = String(obj && obj.text !== undefined ? obj.text : '');
    if (obj && obj.emoji === false) {
      node.textContent = text;
      return node;
    }
    const re = /:([a-z0-9_+-]+):/g;
    let pos = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      const emoji = emojiFor(m[1]);
      if (!emoji) {
        re.lastIndex = m.index + m[0].length - 1;
        continue;
      }
      node.appendChild(document.createTextNode(text.slice(pos, m.index)));
      node.appendChild(el('span', 'emoji', emoji));
      pos = m.index + m[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(pos)));
    return node;
  }

  function textObject(obj) {
    if (!obj || typeof obj !== 'object') return el('span');
    return obj.type === 'mrkdwn' ? mrkdwn(String(obj.text || ''), true) : plainText(obj, 'plain');
  }

  // ---------------------------------------------------------------- Block Kit

  function renderButton(message, block, element) {
    const button = el('button', 'bk-button');
    button.type = 'button';
    if (element.style === 'primary') button.classList.add('bk-primary');
    if (element.style === 'danger') button.classList.add('bk-danger');
    button.appendChild(plainText(element.text, 'bk-button-label'));
    button.dataset.actionId = element.action_id || '';
    button.addEventListener('click', () => {
      if (element.confirm && !window.confirm(confirmText(element.confirm))) return;
      const href = element.url && safeHref(element.url);
      if (href) window.open(href, '_blank', 'noopener,noreferrer');
      clickButton(message, block, element, button);
    });
    return button;
  }

  function confirmText(confirm) {
    return [confirm.title && confirm.title.text, confirm.text && confirm.text.text].filter(Boolean).join('\n\n');
  }

  function unsupported(what) {
    return el('span', 'bk-unsupported', '[' + what + ' is not shown in the local console]');
  }

  function renderBlock(message, block) {
    switch (block.type) {
      case 'header': {
        const node = el('div', 'bk-header');
        node.appendChild(plainText(block.text));
        return node;
      }
      case 'section': {
        const node = el('div', 'bk-section');
        const body = el('div', 'bk-section-body');
        if (block.text) body.appendChild(textObject(block.text));
        if (Array.isArray(block.fields) && block.fields.length) {
          const fields = el('div', 'bk-fields');
          block.fields.forEach((field) => fields.appendChild(el('div', 'bk-field')).appendChild(textObject(field)));
          body.appendChild(fields);
        }
        node.appendChild(body);
        if (block.accessory) {
          const accessory = el('div', 'bk-accessory');
          accessory.appendChild(block.accessory.type === 'button'
            ? renderButton(message, block, block.accessory)
            : block.accessory.type === 'image'
              ? el('span', 'bk-image-alt', block.accessory.alt_text || 'image')
              : unsupported(block.accessory.type || 'element'));
          node.appendChild(accessory);
        }
        return node;
      }
      case 'context': {
        const node = el('div', 'bk-context');
        (block.elements || []).forEach((element) => {
          if (element.type === 'image') {
            node.appendChild(el('span', 'bk-image-alt', element.alt_text || 'image'));
          } else {
            node.appendChild(el('div', 'bk-context-item')).appendChild(textObject(element));
          }
        });
        return node;
      }
      case 'divider':
        return el('hr', 'bk-divider');
      case 'actions': {
        const node = el('div', 'bk-actions');
        (block.elements || []).forEach((element) => node.appendChild(element.type === 'button'
          ? renderButton(message, block, element)
          : unsupported(element.type || 'element')));
        return node;
      }
      case 'image':
        return el('div', 'bk-image-alt', (block.title && block.title.text) || block.alt_text || 'image');
      default:
        return unsupported('A "' + block.type + '" block');
    }
  }

  function renderContent(message) {
    const content = el('div', 'message-content');
    const blocks = Array.isArray(message.blocks) ? message.blocks : [];
    if (blocks.length) {
      blocks.forEach((block) => content.appendChild(renderBlock(message, block)));
    } else {
      // The person's own text is shown as typed; the bot's is Slack-encoded mrkdwn.
      content.appendChild(mrkdwn(message.text || '', message.user !== app.ids.user));
    }
    return content;
  }

  // ---------------------------------------------------------------- messages

  function messageDate(message) {
    const seconds = parseFloat(message.ts);
    const asDate = new Date(seconds * 1000);
    // A real Slack ts is the post time; the local workspace counts from a fixed start, so fall back to
    // the moment this page first saw the message.
    if (Number.isFinite(seconds) && Math.abs(asDate.getTime() - Date.now()) < 2 * 24 * 3600 * 1000) return asDate;
    if (!app.firstSeen.has(key(message))) app.firstSeen.set(key(message), new Date());
    return app.firstSeen.get(key(message));
  }

  function timeLabel(date) {
    return date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  }

  function authorOf(message) {
    if (message.user === app.ids.user) return { name: 'you', initial: 'Y', kind: 'user' };
    if (message.user === app.ids.bot) return { name: 'Attest', initial: 'A', kind: 'bot' };
    return { name: message.user, initial: (message.user || '?').charAt(0), kind: 'other' };
  }

  /** One message row. opts: { continued, replies: [..] or null, inThreadPane, isOpenThread } */
  function renderMessage(message, opts) {
    const author = authorOf(message);
    const row = el('div', 'message');
    row.dataset.ts = message.ts;
    row.dataset.user = author.kind;
    if (message.ephemeral) row.classList.add('is-ephemeral');
    if (opts.continued) row.classList.add('is-continued');
    if (opts.isOpenThread) row.classList.add('is-open-thread');
    const date = messageDate(message);

    const gutter = el('div', 'message-gutter');
    if (opts.continued) {
      const time = el('time', 'gutter-time', timeLabel(date));
      time.dateTime = date.toISOString();
      time.title = date.toLocaleString();
      gutter.appendChild(time);
    } else {
      gutter.appendChild(el('div', 'avatar avatar-' + author.kind, author.initial));
    }
    row.appendChild(gutter);

    const body = el('div', 'message-body');
    if (message.ephemeral) {
      const note = el('div', 'ephemeral-note');
      note.appendChild(el('span', 'ephemeral-icon', '\uD83D\uDC41'));
      note.appendChild(document.createTextNode('Only visible to you'));
      body.appendChild(note);
    }
    if (!opts.continued) {
      const meta = el('div', 'message-meta');
      meta.appendChild(el('span', 'author', author.name));
      if (author.kind === 'bot') meta.appendChild(el('span', 'app-badge', 'APP'));
      const time = el('time', 'time', timeLabel(date));
      time.dateTime = date.toISOString();
      time.title = date.toLocaleString();
      meta.appendChild(time);
      body.appendChild(meta);
    }
    body.appendChild(renderContent(message));
    if (!message.ephemeral && !opts.inModal) {
      const more = el('button', 'message-more', '\u22EF');
      more.type = 'button';
      more.title = 'More actions';
      more.setAttribute('aria-label', 'More actions');
      more.addEventListener('click', (event) => {
        event.stopPropagation();
        openMenu(message, more);
      });
      row.appendChild(more);
    }

    if (opts.replies && opts.replies.length) {
      const bar = el('div', 'thread-summary');
      const link = el('button', 'replies-link',
        opts.replies.length === 1 ? '1 reply' : opts.replies.length + ' replies');
      link.type = 'button';
      link.addEventListener('click', () => openThread(message.ts));
      const repliers = [...new Set(opts.replies.map((r) => authorOf(r).kind))];
      repliers.forEach((kind) => bar.appendChild(el('span', 'mini-avatar avatar-' + kind, kind === 'bot' ? 'A' : 'Y')));
      bar.appendChild(link);
      bar.appendChild(el('span', 'last-reply', 'Last reply ' + timeLabel(messageDate(opts.replies[opts.replies.length - 1]))));
      body.appendChild(bar);
    }
    row.appendChild(body);
    return row;
  }

  /** Slack shows a run of messages from one author without repeating the avatar and name. */
  function isContinuation(previous, message, previousHadReplies) {
    if (!previous || previousHadReplies) return false;
    if (previous.user !== message.user || previous.ephemeral !== message.ephemeral) return false;
    return Math.abs(messageDate(message) - messageDate(previous)) < 5 * 60 * 1000;
  }

  /**
   * Puts rows into a container, reusing the DOM of rows whose content did not change (so buttons stay put and
   * nothing flickers), and keeps the view at the bottom when it was there.
   */
  function sync(container, pane, items) {
    const cache = app.cache[pane];
    const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
    const next = new Map();
    const rows = items.map((item) => {
      const cached = cache.get(item.id);
      const row = cached && cached.signature === item.signature ? cached.row : item.render();
      next.set(item.id, { signature: item.signature, row });
      return row;
    });
    app.cache[pane] = next;
    let cursor = container.firstChild;
    rows.forEach((row) => {
      if (row === cursor) {
        cursor = cursor.nextSibling;
      } else {
        container.insertBefore(row, cursor);
      }
    });
    while (cursor) {
      const after = cursor.nextSibling;
      container.removeChild(cursor);
      cursor = after;
    }
    if (atBottom || app.stickToBottom[pane]) {
      container.scrollTop = container.scrollHeight;
      app.stickToBottom[pane] = false;
    }
  }

  function isTopLevel(m) {
    return m.thread_ts === null || m.thread_ts === undefined || m.thread_ts === m.ts;
  }

  function repliesTo(messages, root) {
    return messages.filter((m) => m.channel === root.channel && m.thread_ts === root.ts && m.ts !== root.ts);
  }

  function messageItems(list, messages, opts) {
    let previous = null;
    let previousHadReplies = false;
    return list.map((message) => {
      const replies = opts.withReplies ? repliesTo(messages, message) : null;
      const continued = isContinuation(previous, message, previousHadReplies);
      const isOpenThread = opts.withReplies && app.thread === message.ts;
      previous = message;
      previousHadReplies = Boolean(replies && replies.length);
      const rowOpts = { continued, replies, isOpenThread };
      const signature = JSON.stringify(message) + '|' + continued + '|' + isOpenThread + '|'
        + (replies ? replies.map((r) => r.ts + (r.user === app.ids.bot ? 'b' : 'u')).join(',') : '');
      return { id: key(message), signature, render: () => renderMessage(message, rowOpts) };
    });
  }

  function emptyItem(text) {
    return {
      id: 'empty/' + app.channel,
      signature: text.join(''),
      render: () => {
        const node = el('div', 'empty');
        node.appendChild(el('div', 'empty-title', CHANNELS[app.channel].title));
        // Text and examples alternate: the odd pieces are shown as code.
        const para = node.appendChild(el('p', 'empty-text'));
        text.forEach((piece, i) => para.appendChild(i % 2 ? el('code', 'code', piece) : document.createTextNode(piece)));
        return node;
      },
    };
  }

  // ---------------------------------------------------------------- rendering the page

  function render() {
    const data = app.data;
    if (!data) return;
    renderModal(data.modal || null);
    if (app.channel === 'HOME') {
      renderHome(data);
      return;
    }
    ui.composer.hidden = false;
    const messages = Array.isArray(data.messages) ? data.messages : [];
    const here = messages.filter((m) => m.channel === app.channel);
    const topLevel = here.filter(isTopLevel);

    autoOpenNewThread(messages);
    renderSidebar(messages);

    const info = CHANNELS[app.channel];
    ui.title.textContent = info.title;
    ui.subtitle.textContent = info.subtitle;
    ui.input.placeholder = info.placeholder;
    document.title = (app.channel === 'D0LOCAL' ? 'Attest' : CHANNELS[app.channel].hash) + ' — Attest (local)';

    const items = messageItems(topLevel, messages, { withReplies: true });
    sync(ui.messages, 'main', items.length ? items : [emptyItem(info.empty)]);
    renderThread(messages);
  }

  /** The App Home tab: the view Attest published for the person, drawn like a message without an author. */
  function renderHome(data) {
    const messages = Array.isArray(data.messages) ? data.messages : [];
    renderSidebar(messages);
    const info = CHANNELS.HOME;
    ui.title.textContent = info.title;
    ui.subtitle.textContent = info.subtitle;
    ui.composer.hidden = true;
    document.title = 'Attest · Home — Attest (local)';
    app.thread = null;
    ui.thread.hidden = true;
    const home = data.home;
    const item = home && Array.isArray(home.blocks) ? {
      id: 'home',
      signature: JSON.stringify(home),
      render: () => {
        const node = el('div', 'home-view');
        const pseudo = { channel: 'HOME', ts: 'home', blocks: home.blocks };
        home.blocks.forEach((block) => node.appendChild(renderBlock(pseudo, block)));
        return node;
      },
    } : emptyItem(info.empty);
    sync(ui.messages, 'main', [item]);
  }

  // ---------------------------------------------------------------- modals

  /** The modal Attest opened (views.open), if any: its blocks, inputs and checkboxes, Cancel and Submit. */
  function renderModal(modal) {
    if (!modal) {
      ui.modal.hidden = true;
      app.modalId = null;
      return;
    }
    const signature = modal.id + JSON.stringify(modal.view);
    if (app.modalId === signature) return;
    app.modalId = signature;
    const view = modal.view || {};
    ui.modalTitle.textContent = (view.title && view.title.text) || '';
    ui.modalCancel.textContent = (view.close && view.close.text) || 'Cancel';
    ui.modalSubmit.textContent = (view.submit && view.submit.text) || 'Submit';
    ui.modalSubmit.hidden = !view.submit;
    ui.modalForm.dataset.viewId = modal.id;
    ui.modalForm.replaceChildren();
    const pseudo = { channel: 'MODAL', ts: modal.id, blocks: view.blocks || [] };
    (view.blocks || []).forEach((block) => {
      ui.modalForm.appendChild(block.type === 'input' ? renderInput(block) : renderBlock(pseudo, block));
    });
    ui.modal.hidden = false;
    const first = ui.modalForm.querySelector('textarea, input[type=text]');
    if (first) first.focus();
  }

  function renderInput(block) {
    const wrap = el('div', 'bk-input');
    wrap.dataset.blockId = block.block_id || '';
    const id = 'input-' + (block.block_id || '');
    const label = el('label', 'bk-input-label', (block.label && block.label.text) || '');
    label.htmlFor = id;
    if (block.optional) label.appendChild(el('span', 'bk-optional', ' (optional)'));
    wrap.appendChild(label);
    const element = block.element || {};
    wrap.dataset.actionId = element.action_id || '';
    wrap.dataset.type = element.type || '';
    if (element.type === 'plain_text_input') {
      const input = el(element.multiline ? 'textarea' : 'input', 'bk-text-input');
      if (!element.multiline) input.type = 'text';
      input.id = id;
      if (element.max_length) input.maxLength = element.max_length;
      if (element.initial_value) input.value = element.initial_value;
      if (element.multiline) input.rows = 4;
      wrap.appendChild(input);
    } else if (element.type === 'checkboxes') {
      (element.options || []).forEach((option, i) => {
        const row = el('label', 'bk-checkbox');
        const box = el('input');
        box.type = 'checkbox';
        box.value = option.value;
        box.id = id + '-' + i;
        row.appendChild(box);
        row.appendChild(plainText(option.text));
        wrap.appendChild(row);
      });
    } else {
      wrap.appendChild(unsupported(element.type || 'element'));
    }
    if (block.hint) wrap.appendChild(el('div', 'bk-hint', block.hint.text || ''));
    wrap.appendChild(el('div', 'bk-error'));
    return wrap;
  }

  /** What was entered, shaped as Slack's view.state.values. */
  function modalValues() {
    const values = {};
    ui.modalForm.querySelectorAll('.bk-input').forEach((wrap) => {
      const action = {};
      if (wrap.dataset.type === 'plain_text_input') {
        action.type = 'plain_text_input';
        action.value = wrap.querySelector('.bk-text-input').value;
      } else if (wrap.dataset.type === 'checkboxes') {
        action.type = 'checkboxes';
        action.selected_options = [...wrap.querySelectorAll('input:checked')].map((b) => ({ value: b.value }));
      }
      values[wrap.dataset.blockId] = { [wrap.dataset.actionId]: action };
    });
    return values;
  }

  async function submitModal(event) {
    event.preventDefault();
    const viewId = ui.modalForm.dataset.viewId;
    ui.modalForm.querySelectorAll('.bk-error').forEach((e) => { e.textContent = ''; });
    ui.modalSubmit.disabled = true;
    try {
      const response = await fetch('/local/submit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ view_id: viewId, values: modalValues() }),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error || 'HTTP ' + response.status);
      if (answer.errors) {
        Object.entries(answer.errors).forEach(([blockId, text]) => {
          const wrap = ui.modalForm.querySelector('.bk-input[data-block-id="' + CSS.escape(blockId) + '"]');
          if (wrap) wrap.querySelector('.bk-error').textContent = text;
        });
        return;
      }
      ui.modal.hidden = true;
    } catch (e) {
      toast('That form did not go through: ' + e.message);
    } finally {
      ui.modalSubmit.disabled = false;
    }
  }

  async function closeModal() {
    const viewId = ui.modalForm.dataset.viewId;
    ui.modal.hidden = true;
    try {
      await postJson('/local/close', { view_id: viewId });
    } catch (e) {
      toast('Could not close the form: ' + e.message);
    }
  }

  // ---------------------------------------------------------------- the message menu

  function openMenu(message, anchor) {
    app.menuFor = message;
    const box = anchor.getBoundingClientRect();
    ui.menu.style.top = Math.round(box.bottom + window.scrollY + 4) + 'px';
    ui.menu.style.left = Math.round(Math.max(8, box.right - 220)) + 'px';
    ui.menu.hidden = false;
    $('menu-thread').hidden = message.channel !== app.channel || app.channel === 'HOME';
    $('menu-ask').focus();
  }

  function closeMenu() {
    ui.menu.hidden = true;
    app.menuFor = null;
  }

  async function askAboutMessage() {
    const message = app.menuFor;
    closeMenu();
    if (!message) return;
    app.lastActionAt = Date.now();
    try {
      await postJson('/local/shortcut', { channel: message.channel, message_ts: message.ts });
    } catch (e) {
      toast('Could not ask Attest: ' + e.message);
    }
  }

  function renderThread(messages) {
    const root = app.thread && messages.find((m) => m.channel === app.channel && m.ts === app.thread);
    if (!root) {
      app.thread = null;
      ui.thread.hidden = true;
      app.cache.thread = new Map();
      ui.threadMessages.replaceChildren();
      return;
    }
    ui.thread.hidden = false;
    ui.threadSubtitle.textContent = app.channel === 'C0LOCAL' ? '# general' : 'Attest';
    const replies = repliesTo(messages, root);
    const items = messageItems([root], messages, { withReplies: false });
    items.push({
      id: 'divider',
      signature: String(replies.length),
      render: () => {
        const node = el('div', 'thread-divider');
        node.appendChild(el('span', null, replies.length === 1 ? '1 reply' : replies.length + ' replies'));
        return node;
      },
    });
    sync(ui.threadMessages, 'thread', items.concat(messageItems(replies, messages, { withReplies: false })));
  }

  /** A thread that starts right after the person's own message or click opens by itself (a triage, a mention). */
  function autoOpenNewThread(messages) {
    const counts = new Map();
    messages.filter(isTopLevel).forEach((m) => counts.set(key(m), repliesTo(messages, m).length));
    const before = app.replyCounts;
    app.replyCounts = counts;
    if (!before || Date.now() - app.lastActionAt > AUTO_OPEN_WINDOW_MS) return;
    const started = messages.filter((m) => m.channel === app.channel && isTopLevel(m)
      && !before.get(key(m)) && counts.get(key(m)) > 0);
    if (started.length) {
      app.thread = started[started.length - 1].ts;
      app.stickToBottom.thread = true;
    }
  }

  function renderSidebar(messages) {
    const counts = {};
    Object.keys(CHANNELS).forEach((c) => {
      counts[c] = messages.filter((m) => m.channel === c && isTopLevel(m)).length;
    });
    if (!app.seen) app.seen = { ...counts };
    app.seen[app.channel] = counts[app.channel];
    Object.keys(CHANNELS).forEach((c) => {
      const item = $('nav-' + c);
      const unread = Math.max(0, counts[c] - (app.seen[c] || 0));
      item.classList.toggle('is-active', c === app.channel);
      item.classList.toggle('is-unread', unread > 0);
      item.setAttribute('aria-current', c === app.channel ? 'page' : 'false');
      const badge = item.querySelector('.nav-badge');
      badge.hidden = unread === 0;
      badge.textContent = String(unread);
    });
  }

  function renderProblems(problems) {
    ui.problems.hidden = problems.length === 0;
    const signature = JSON.stringify(problems);
    if (ui.problemsList.dataset.signature === signature) return;
    ui.problemsList.dataset.signature = signature;
    ui.problemsList.replaceChildren(...problems.map((p) => el('li', null, String(p))));
  }

  // ---------------------------------------------------------------- talking to the server

  async function poll() {
    try {
      const response = await fetch('/local/state', { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const data = await response.json();
      ui.offline.hidden = true;
      if (data.user) app.ids.user = data.user;
      if (data.bot) app.ids.bot = data.bot;
      // Problems come and go with edits to the intents folder, which do not change the version.
      renderProblems(Array.isArray(data.problems) ? data.problems : []);
      if (data.version !== app.version) {
        app.version = data.version;
        app.data = data;
        clearPendingButtons();
        render();
      }
    } catch (e) {
      ui.offline.hidden = false;
    } finally {
      window.setTimeout(poll, POLL_MS);
    }
  }

  async function postJson(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      let reason = 'HTTP ' + response.status;
      try {
        const json = await response.json();
        if (json && json.error) reason = json.error;
      } catch (ignored) {
        // keep the status
      }
      throw new Error(reason);
    }
  }

  async function send(textarea, threadTs) {
    const text = textarea.value.trim();
    if (!text) return;
    const body = { channel: app.channel, text };
    if (threadTs) body.thread_ts = threadTs;
    textarea.value = '';
    fitRows(textarea);
    app.lastActionAt = Date.now();
    app.stickToBottom[threadTs ? 'thread' : 'main'] = true;
    try {
      await postJson('/local/send', body);
    } catch (e) {
      if (!textarea.value) textarea.value = text;
      fitRows(textarea);
      toast('Could not send: ' + e.message);
    }
  }

  async function clickButton(message, block, element, button) {
    const body = message.channel === 'HOME'
      ? { view: 'home', action_id: element.action_id || '', block_id: block.block_id || '' }
      : {
        channel: message.channel,
        message_ts: message.ts,
        action_id: element.action_id || '',
        block_id: block.block_id || '',
      };
    if (typeof element.value === 'string') body.value = element.value;
    button.disabled = true;
    button.classList.add('is-pending');
    app.lastActionAt = Date.now();
    try {
      await postJson('/local/click', body);
    } catch (e) {
      toast('That click did not go through: ' + e.message);
    } finally {
      window.setTimeout(() => {
        button.disabled = false;
        button.classList.remove('is-pending');
      }, 1500);
    }
  }

  function clearPendingButtons() {
    document.querySelectorAll('.bk-button.is-pending').forEach((b) => {
      b.disabled = false;
      b.classList.remove('is-pending');
    });
  }

  let toastTimer = null;

  function toast(text) {
    ui.toast.textContent = text;
    ui.toast.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => {
      ui.toast.hidden = true;
    }, 5000);
  }

  // ---------------------------------------------------------------- navigation and composers

  function selectChannel(channel) {
    if (!CHANNELS[channel]) return;
    if (channel === 'HOME') {
      // Slack sends app_home_opened each time the tab is opened; Attest publishes the view afresh.
      postJson('/local/home', {}).catch((e) => toast('Could not open Home: ' + e.message));
    }
    if (channel !== app.channel) {
      app.channel = channel;
      app.thread = null;
      app.cache.main = new Map();
      app.stickToBottom.main = true;
    }
    if (window.location.hash !== CHANNELS[channel].hash) {
      window.history.replaceState(null, '', CHANNELS[channel].hash);
    }
    render();
    if (channel !== 'HOME') ui.input.focus();
  }

  function openThread(ts) {
    app.thread = ts;
    app.stickToBottom.thread = true;
    render();
    ui.threadInput.focus();
  }

  function closeThread() {
    app.thread = null;
    render();
    ui.input.focus();
  }

  function fitRows(textarea) {
    textarea.rows = Math.min(8, Math.max(1, textarea.value.split('\n').length));
  }

  function wireComposer(form, textarea, threadTs) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(textarea, threadTs());
    });
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send(textarea, threadTs());
      }
    });
    textarea.addEventListener('input', () => fitRows(textarea));
  }

  function start() {
    document.querySelectorAll('.nav-item').forEach((item) => {
      item.addEventListener('click', () => selectChannel(item.dataset.channel));
    });
    $('thread-close').addEventListener('click', closeThread);
    ui.modalForm.addEventListener('submit', submitModal);
    ui.modalCancel.addEventListener('click', closeModal);
    $('modal-x').addEventListener('click', closeModal);
    $('menu-ask').addEventListener('click', askAboutMessage);
    $('menu-thread').addEventListener('click', () => {
      const message = app.menuFor;
      closeMenu();
      if (message) openThread(isTopLevel(message) ? message.ts : message.thread_ts);
    });
    document.addEventListener('click', (event) => {
      if (!ui.menu.hidden && !ui.menu.contains(event.target)) closeMenu();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      if (!ui.menu.hidden) closeMenu();
      else if (!ui.modal.hidden) closeModal();
      else if (app.thread) closeThread();
    });
    wireComposer(ui.composer, ui.input, () => null);
    wireComposer(ui.threadComposer, ui.threadInput, () => app.thread);

    const fromHash = Object.keys(CHANNELS).find((c) => CHANNELS[c].hash === window.location.hash);
    if (fromHash) app.channel = fromHash;
    if (app.channel === 'HOME') postJson('/local/home', {}).catch(() => {});
    ui.input.placeholder = CHANNELS[app.channel].placeholder;
    ui.input.focus();
    poll();
  }

  start();
})();
