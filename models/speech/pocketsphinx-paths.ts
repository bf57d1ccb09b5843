// Where Debian's pocketsphinx-en-us puts the acoustic model and dictionary.
export const POCKETSPHINX_MODEL = '/usr/share/pocketsphinx/model/en-us';
