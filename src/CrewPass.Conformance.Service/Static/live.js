// The session page's live requests (server-sent events). Every field is set as text, never as markup.
const table = document.getElementById('live');
if (table) {
  const events = new EventSource(table.dataset.events);
  events.onmessage = (message) => {
    const request = JSON.parse(message.data);
    const row = table.insertRow();
    for (const field of [request.at, request.scenario, request.request, request.answer]) row.insertCell().textContent = field;
    const state = document.getElementById('state-name');
    if (state.textContent === 'waiting') state.textContent = 'traffic seen';
  };
  events.addEventListener('judged', () => events.close());
}
