mod decode;
mod fixtures;
mod formats;
mod gsm610;
mod hostile;
mod reference;
