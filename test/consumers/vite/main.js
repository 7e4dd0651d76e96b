import 'credit-rules/widget';

document.querySelector('#sla').addEventListener('credit-change', (e) => {
  document.querySelector('#credit').textContent = e.detail.result.credit.amount;
});
