// The clinic chat page: branding from /api/chat/config, a Direct Line token from /api/chat/token, then Web Chat.
// Plain ES2020, no build step; the Web Chat bundle (window.WebChat) is loaded before this file (both deferred).
'use strict';

(() => {
  const params = new URLSearchParams(window.location.search);
  // ?transport=polling: REST polling instead of the WebSocket, for networks that block sockets (and for tests).
  const useWebSocket = params.get('transport') !== 'polling';
  const embedded = params.get('embed') === '1';

  const elements = {
    name: document.getElementById('clinic-name'),
    phone: document.getElementById('clinic-phone'),
    disclaimerNumber: document.getElementById('disclaimer-number'),
    outcome: document.getElementById('outcome'),
    chat: document.getElementById('chat'),
    status: document.getElementById('status'),
    restart: document.getElementById('restart'),
  };

  let config = {
    clinicName: elements.name.textContent,
    phone: '',
    primaryColor: '#005eb8',
    emergencyNumber: '999',
    urgentAdvice: 'Contact your GP today, or call 111 if you cannot reach them.',
    // The server says whether Direct Line takes uploads (off by default); without its word, no upload button.
    uploadsEnabled: false,
  };

  // Each start bumps the generation, so a slow token answer from a conversation the user already restarted is dropped.
  let generation = 0;
  let current = null;

  function setStatus(text, isError = false) {
    elements.status.textContent = text;
    elements.status.classList.toggle('status-error', isError);
  }

  function telHref(number) {
    return 'tel:' + number.replace(/\s+/g, '');
  }

  // WCAG contrast: white text on the clinic colour unless that is too light, then dark text.
  function textColourFor(hex) {
    const full = hex.length === 4 ? '#' + [...hex.slice(1)].map((c) => c + c).join('') : hex;
    const channel = (i) => {
      const v = parseInt(full.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 1.05 / (luminance + 0.05) >= 4.5 ? '#ffffff' : '#212b32';
  }

  function applyBranding() {
    document.title = `${config.clinicName}: back and neck pain check`;
    elements.name.textContent = config.clinicName;
    if (config.phone) {
      elements.phone.textContent = config.phone;
      elements.phone.href = telHref(config.phone);
      elements.phone.setAttribute('aria-label', `Call the clinic on ${config.phone}`);
      elements.phone.hidden = false;
    }
    elements.disclaimerNumber.textContent = config.emergencyNumber;
    elements.disclaimerNumber.href = telHref(config.emergencyNumber);
    // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy.
    document.documentElement.style.setProperty('--primary', config.primaryColor);
    document.documentElement.style.setProperty('--on-primary', textColourFor(config.primaryColor));
  }

  async function loadConfig() {
    try {
      const response = await fetch('/api/chat/config', { headers: { Accept: 'application/json' } });
      if (response.ok) {
        config = { ...config, ...(await response.json()) };
      }
    } catch {
      // The defaults in the page still give the emergency number; the chat itself does not depend on branding.
    }
    applyBranding();
  }

  async function fetchToken() {
    const response = await fetch('/api/chat/token', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) {
      throw new Error(`token request failed with ${response.status}`);
    }
    const body = await response.json();
    if (!body.token) {
      throw new Error('token response has no token');
    }
    // userId (when the server sends one) is the id the bot sees: Web Chat shows suggested actions only when their
    // "to" list is empty or names Web Chat's own userID, so both must agree.
    return { token: body.token, userId: typeof body.userId === 'string' ? body.userId : undefined };
  }

  function paragraph(text) {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  function callLink(number, label, className) {
    const a = document.createElement('a');
    a.href = telHref(number);
    a.className = className;
    a.textContent = label;
    return a;
  }

  // The bot's triage.outcome event ({ level, reasons, contentVersion, outcome, banner }) becomes a call to action
  // above the chat. An outcome the bot's content words itself (thoughts of self-harm alone: urgent mental health
  // support with the crisis line of the conversation's locale) shows those words, not the page's for the level.
  // Built with textContent only: nothing from the wire is parsed as HTML.
  function showOutcome(outcome) {
    const level = outcome && typeof outcome.level === 'string' ? outcome.level : '';
    const named = outcome && typeof outcome.outcome === 'string' ? outcome.outcome : '';
    const banner = outcome && typeof outcome.banner === 'string' ? outcome.banner.trim() : '';
    const box = elements.outcome;
    box.replaceChildren();
    box.dataset.level = level;
    if (named && banner) {
      box.className = `outcome outcome-${named}`;
      box.dataset.outcome = named;
      box.append(paragraph(banner));
      box.hidden = false;
      return;
    }

    box.className = `outcome outcome-${level}`;
    delete box.dataset.outcome;
    switch (level) {
      case 'emergency':
        box.append(
          paragraph(`Your answers need emergency care now. Call ${config.emergencyNumber}.`),
          callLink(config.emergencyNumber, `Call ${config.emergencyNumber} now`, 'call-button'));
        break;
      case 'urgent':
        box.append(paragraph(`Please get help today. ${config.urgentAdvice}`));
        break;
      case 'routine':
        box.append(paragraph('Book a routine appointment with your GP or the clinic.'));
        if (config.phone) {
          box.append(callLink(config.phone, `Call the clinic on ${config.phone}`, 'clinic-call'));
        }
        break;
      case 'self-care':
        box.append(paragraph(`You can look after this at home for now. If it gets worse, contact your GP. In an emergency call ${config.emergencyNumber}.`));
        break;
      default:
        box.hidden = true;
        return;
    }
    box.hidden = false;
  }

  function hideOutcome() {
    elements.outcome.hidden = true;
    elements.outcome.replaceChildren();
    delete elements.outcome.dataset.level;
    delete elements.outcome.dataset.outcome;
  }

  function createStore(myGeneration, connectedMessage) {
    let joined = false;
    let welcomed = false;
    return window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      if (myGeneration === generation) {
        switch (action.type) {
          case 'DIRECT_LINE/CONNECT_FULFILLED':
            setStatus(connectedMessage);
            if (!joined) {
              joined = true;
              // Direct Line sends the bot nothing when a conversation starts; this event makes the welcome come
              // before the user types ("Welcome without waiting").
              dispatch({
                type: 'WEB_CHAT/SEND_EVENT',
                payload: { name: 'webchat/join', value: { language: navigator.language || 'en-GB' } },
              });
            }
            break;
          case 'DIRECT_LINE/CONNECT_REJECTED':
            setStatus('The chat could not connect. Please try again, or call the clinic.', true);
            break;
          case 'DIRECT_LINE/INCOMING_ACTIVITY': {
            const activity = action.payload.activity;
            const fromBot = activity.from && activity.from.role !== 'user';
            if (fromBot && activity.type === 'event' && activity.name === 'triage.outcome') {
              showOutcome(activity.value);
            } else if (fromBot && activity.type === 'message' && !welcomed) {
              welcomed = true;
              // For the page-load-to-welcome measurement (tests read it; harmless elsewhere).
              performance.mark('triage:welcome');
            }
            break;
          }
          default:
            break;
        }
      }
      return next(action);
    });
  }

  async function start(isRestart = false) {
    const myGeneration = ++generation;
    if (current) {
      current.directLine.end();
      current.host.remove();
      current = null;
    }
    hideOutcome();
    setStatus('Connecting…');

    let credentials;
    try {
      credentials = await fetchToken();
    } catch (error) {
      if (myGeneration === generation) {
        setStatus('The chat is not available right now. Please try again later, or call the clinic.', true);
      }
      console.error(error);
      return;
    }
    if (myGeneration !== generation) {
      return;
    }

    const directLine = window.WebChat.createDirectLine({
      token: credentials.token,
      domain: `${window.location.origin}/v3/directline`,
      webSocket: useWebSocket,
    });

    // A fresh element per conversation, so nothing of the old transcript survives a restart.
    const host = document.createElement('div');
    host.className = 'webchat-host';
    elements.chat.append(host);
    current = { directLine, host };

    window.WebChat.renderWebChat(
      {
        directLine,
        store: createStore(myGeneration, isRestart ? 'Started a new conversation.' : ''),
        userID: credentials.userId,
        locale: 'en-GB',
        styleOptions: {
          accent: config.primaryColor,
          bubbleFromUserBackground: config.primaryColor,
          bubbleFromUserTextColor: textColourFor(config.primaryColor),
          hideUploadButton: config.uploadsEnabled !== true,
          sendBoxTextWrap: true,
          // Wrapped buttons, not a sideways carousel: easier on phones and for keyboard users.
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 44,
        },
      },
      host);
  }

  elements.restart.addEventListener('click', () => start(true));

  if (embedded) {
    document.body.classList.add('embedded');
  }

  if (!window.WebChat) {
    setStatus('The chat could not be loaded. Please call the clinic.', true);
    return;
  }

  loadConfig().then(() => start());
})();
