// The event log page: reads GET /api/events with the historian's token and shows each CloudEvent as a table row.
// Every value is written with textContent, so recorded text can never become markup.
(function () {
  'use strict';
  var form = document.getElementById('log-form');
  var body = document.querySelector('#log tbody');
  var status = document.getElementById('log-status');
  var next = document.getElementById('next');
  var token = document.getElementById('token');
  var last = null;

  token.value = sessionStorage.getItem('tracker.token') || '';

  function query(after) {
    var params = new URLSearchParams();
    ['state', 'norm', 'type', 'instrument', 'limit'].forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) { params.set(name, value); }
    });
    if (after) { params.set('after', after); }
    return '/api/events?' + params.toString();
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function show(lines) {
    lines.forEach(function (event) {
      var row = document.createElement('tr');
      row.dataset.sequence = event.sequence;
      cell(row, Number(event.sequence));
      cell(row, event.time);
      cell(row, event.validon);
      cell(row, event.type);
      var record = cell(row, '');
      var link = document.createElement('a');
      var kind = String(event.type).indexOf('.violation.') >= 0 ? 'violations'
        : String(event.type).indexOf('.commitment.') >= 0 ? 'commitments' : null;
      if (kind) {
        link.href = '/' + kind + '/' + encodeURIComponent(event.subject);
        link.textContent = event.subject;
        record.appendChild(link);
      } else {
        record.textContent = event.subject;
      }
      cell(row, event.state);
      cell(row, event.norm);
      cell(row, event.actor);
      body.appendChild(row);
    });
  }

  function load(after) {
    sessionStorage.setItem('tracker.token', token.value);
    status.textContent = 'Loading…';
    fetch(query(after), { headers: { 'Authorization': 'Bearer ' + token.value, 'Accept': 'application/x-ndjson' } })
      .then(function (response) {
        return response.text().then(function (text) { return { ok: response.ok, status: response.status, text: text }; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          var detail = '';
          try { detail = JSON.parse(answer.text).detail || ''; } catch (e) { detail = ''; }
          status.textContent = 'The log could not be read (' + answer.status + '). ' + detail;
          next.hidden = true;
          return;
        }
        var lines = answer.text.split('\n').filter(function (line) { return line.trim() !== ''; })
          .map(function (line) { return JSON.parse(line); });
        if (!after) { body.textContent = ''; }
        show(lines);
        last = lines.length ? lines[lines.length - 1].sequence : last;
        var limit = Number(document.getElementById('limit').value || 50);
        next.hidden = lines.length < limit;
        status.textContent = body.rows.length + ' events shown.';
      })
      .catch(function () { status.textContent = 'The log could not be read.'; });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); last = null; load(null); });
  next.addEventListener('click', function () { load(last); });
})();
