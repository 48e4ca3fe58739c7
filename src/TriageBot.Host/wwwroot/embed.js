// One <script src="https://bot.clinic.example/embed.js" defer></script> on a clinic's own site gives a chat bubble
// that opens this bot's chat page (/?embed=1) in an iframe. Optional attributes on the script tag:
// data-label (bubble text) and data-color (bubble colour, #hex). The host site must be listed in the bot's
// WebChat:FrameAncestors setting, or the browser will refuse to show the page in the frame.
// Styles are set through element.style (CSSOM), which a host site's Content-Security-Policy does not block.
'use strict';

(() => {
  const script = document.currentScript;
  if (!script || window.__triageBotEmbed) {
    return;
  }
  window.__triageBotEmbed = true;

  const origin = new URL(script.src, window.location.href).origin;
  const label = script.dataset.label || 'Back or neck pain? Chat with us';
  const colour = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(script.dataset.color || '') ? script.dataset.color : '#005eb8';
  const panelId = 'triagebot-chat-panel';

  const bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.textContent = label;
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-controls', panelId);
  Object.assign(bubble.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000',
    minHeight: '48px', padding: '0.75rem 1.25rem', border: '0', borderRadius: '1.5rem',
    background: colour, color: '#ffffff', font: '600 1rem system-ui, sans-serif',
    boxShadow: '0 2px 8px rgba(0,0,0,0.3)', cursor: 'pointer',
  });

  const panel = document.createElement('div');
  panel.id = panelId;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);
  panel.hidden = true;
  Object.assign(panel.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483001',
    width: 'min(400px, calc(100vw - 2rem))', height: 'min(640px, calc(100vh - 2rem))',
    display: 'flex', flexDirection: 'column', background: '#ffffff',
    borderRadius: '0.75rem', boxShadow: '0 4px 16px rgba(0,0,0,0.35)', overflow: 'hidden',
  });

  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close chat');
  Object.assign(close.style, {
    minWidth: '44px', minHeight: '44px', border: '0',
    background: 'transparent', color: '#ffffff', font: '700 1.5rem system-ui, sans-serif', cursor: 'pointer',
  });
  const bar = document.createElement('div');
  Object.assign(bar.style, { display: 'flex', justifyContent: 'flex-end', background: colour });
  bar.append(close);

  let frame = null;

  function open() {
    if (!frame) {
      // Created on first open: the chat (and its conversation) starts only when someone asks for it.
      frame = document.createElement('iframe');
      frame.src = `${origin}/?embed=1`;
      frame.title = 'Clinic chat';
      Object.assign(frame.style, { flex: '1 1 auto', width: '100%', border: '0' });
      panel.append(frame);
    }
    panel.hidden = false;
    panel.style.display = 'flex';
    bubble.setAttribute('aria-expanded', 'true');
    bubble.style.display = 'none';
    close.focus();
  }

  function hide() {
    panel.hidden = true;
    panel.style.display = 'none';
    bubble.setAttribute('aria-expanded', 'false');
    bubble.style.display = '';
    bubble.focus();
  }

  bubble.addEventListener('click', open);
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      hide();
    }
  });

  panel.style.display = 'none';
  panel.append(bar);
  document.body.append(bubble, panel);
})();
